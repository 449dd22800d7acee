import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  acceptedStamp,
  arrivalStamp,
  decodeStamp,
  encodeStamp,
  MAX_STAMP_AHEAD_MS,
  newClock,
  receive,
  tick,
  type Hlc,
} from "./hlc";

const hlcArb = fc.record({
  wallMs: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  counter: fc.integer({ min: 0, max: 1_000_000 }),
  node: fc.stringMatching(/^[0-9a-z]{1,24}$/),
});
const order = (a: Hlc, b: Hlc) =>
  a.wallMs - b.wallMs || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);

describe("stamps", () => {
  it("round-trip and sort as text in (wall, counter, node) order", () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        expect(decodeStamp(encodeStamp(a))).toEqual(a);
        const byText = encodeStamp(a) < encodeStamp(b) ? -1 : encodeStamp(a) > encodeStamp(b) ? 1 : 0;
        // Nodes of different lengths only decide when wall and counter are equal.
        if (a.wallMs !== b.wallMs || a.counter !== b.counter) expect(byText).toBe(Math.sign(order(a, b)));
      }),
    );
  });

  it("refuses text that is not a stamp", () => {
    for (const bad of ["", "abc", "0000000000000", "0000000000000UPPER", "00000000000000-x"]) {
      expect(decodeStamp(bad)).toBeNull();
    }
  });
});

describe("the clock", () => {
  it("stamps every local change later than everything it made or received, whatever the wall clock does", () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant("tick" as const), nowMs: fc.integer({ min: 0, max: 1e13 }) }),
      fc.record({ kind: fc.constant("receive" as const), remote: hlcArb }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let clock = newClock("device1");
        let highest = encodeStamp(clock);
        for (const e of events) {
          if (e.kind === "receive") {
            const stamp = encodeStamp(e.remote);
            clock = receive(clock, stamp);
            if (stamp > highest) highest = stamp;
          } else {
            clock = tick(clock, e.nowMs);
            const stamp = encodeStamp(clock);
            expect(stamp > highest).toBe(true);
            highest = stamp;
          }
        }
      }),
    );
  });

  it("absorbs skew: a device an hour behind stamps after the edit it pulled", () => {
    const laptop = tick(newClock("laptop"), 11 * 3_600_000);
    let phone = receive(newClock("phone"), encodeStamp(laptop));
    phone = tick(phone, 10 * 3_600_000 + 5);
    expect(encodeStamp(phone) > encodeStamp(laptop)).toBe(true);
  });
});

describe("stamps the server keeps", () => {
  const now = 1_800_000_000_000;
  it("keeps a client's stamp and stamps old clients' changes at arrival, after what the record holds", () => {
    const client = encodeStamp({ wallMs: now - 5000, counter: 0, node: "abc" });
    expect(acceptedStamp(client, now)).toBe(client);
    expect(acceptedStamp(undefined, now)).toBe(arrivalStamp(now));
    const first = arrivalStamp(now);
    expect(arrivalStamp(now, first) > first).toBe(true);
    const skewed = encodeStamp({ wallMs: now + 3_600_000, counter: 0, node: "abc" });
    expect(arrivalStamp(now, skewed) > skewed).toBe(true);
  });

  it("does not let a clock far in the future win every later edit", () => {
    const future = encodeStamp({ wallMs: now + MAX_STAMP_AHEAD_MS + 1, counter: 0, node: "abc" });
    expect(acceptedStamp(future, now)).toBe(arrivalStamp(now));
    const skewed = encodeStamp({ wallMs: now + 3_600_000, counter: 0, node: "abc" });
    expect(acceptedStamp(skewed, now)).toBe(skewed);
  });
});
