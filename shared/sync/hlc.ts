/**
 * Hybrid logical clocks: a stamp is (wall ms, counter, node), and stamps compare in that order.
 * Written as one string that sorts the same way, so the server and IndexedDB compare them as text.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  /** Who made the stamp: a device's random id, or `server` for arrival stamps. */
  node: string;
}

/** An encoded {@link Hlc}: compare stamps with `<` / `>` on the strings. */
export type Stamp = string;

const WALL_DIGITS = 9; // base 36: ms until the year 5138
const COUNTER_DIGITS = 4; // base 36: 1.68 million stamps within one ms
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
const MAX_WALL_MS = 36 ** WALL_DIGITS - 1;
const NODE_PATTERN = /^[0-9a-z]{1,24}$/;
export const STAMP_PATTERN = /^[0-9a-z]{13}[0-9a-z]{1,24}$/;

/** Node id of stamps the server gives changes that came without one (old clients). */
export const SERVER_NODE = "server";

/** A stamp more than this far ahead of the server's clock is replaced by an arrival stamp. */
export const MAX_STAMP_AHEAD_MS = 24 * 60 * 60 * 1000;

/** Encodes a clock reading as a sortable {@link Stamp}. */
export function encodeStamp(hlc: Hlc): Stamp {
  if (!Number.isSafeInteger(hlc.wallMs) || hlc.wallMs < 0 || hlc.wallMs > MAX_WALL_MS) {
    throw new RangeError(`Bad HLC wall time ${hlc.wallMs}.`);
  }
  if (!Number.isSafeInteger(hlc.counter) || hlc.counter < 0 || hlc.counter > MAX_COUNTER) {
    throw new RangeError(`Bad HLC counter ${hlc.counter}.`);
  }
  if (!NODE_PATTERN.test(hlc.node)) throw new RangeError(`Bad HLC node "${hlc.node}".`);
  return (
    hlc.wallMs.toString(36).padStart(WALL_DIGITS, "0") +
    hlc.counter.toString(36).padStart(COUNTER_DIGITS, "0") +
    hlc.node
  );
}

/** Whether `text` is a stamp {@link encodeStamp} could have made. */
export const isStamp = (text: unknown): text is Stamp => typeof text === "string" && STAMP_PATTERN.test(text);

/** Reads a stamp back; null when it is not one. */
export function decodeStamp(stamp: string): Hlc | null {
  if (!isStamp(stamp)) return null;
  return {
    wallMs: parseInt(stamp.slice(0, WALL_DIGITS), 36),
    counter: parseInt(stamp.slice(WALL_DIGITS, WALL_DIGITS + COUNTER_DIGITS), 36),
    node: stamp.slice(WALL_DIGITS + COUNTER_DIGITS),
  };
}

/** A new device clock: nothing seen yet. */
export const newClock = (node: string): Hlc => ({ wallMs: 0, counter: 0, node });

/** A random node id for a device (10 base-36 characters). */
export function randomNode(random: () => number = Math.random): string {
  let node = "";
  for (let i = 0; i < 10; i++) node += Math.floor(random() * 36).toString(36);
  return node;
}

/**
 * A local event at wall time `nowMs`: the next clock reading, later than every reading and every
 * received stamp before it, even when the wall clock went backwards.
 */
export function tick(clock: Hlc, nowMs: number): Hlc {
  const now = Math.min(Math.max(0, Math.floor(nowMs)), MAX_WALL_MS);
  if (now > clock.wallMs) return { wallMs: now, counter: 0, node: clock.node };
  if (clock.counter < MAX_COUNTER)
    return { wallMs: clock.wallMs, counter: clock.counter + 1, node: clock.node };
  return { wallMs: clock.wallMs + 1, counter: 0, node: clock.node };
}

/**
 * Receives a stamp made elsewhere: the clock moves up to it (keeping its own node), so the next
 * {@link tick} is later than it. A stamp that is not one is ignored.
 */
export function receive(clock: Hlc, stamp: string): Hlc {
  const seen = decodeStamp(stamp);
  if (!seen) return clock;
  if (seen.wallMs > clock.wallMs || (seen.wallMs === clock.wallMs && seen.counter > clock.counter)) {
    return { wallMs: seen.wallMs, counter: seen.counter, node: clock.node };
  }
  return clock;
}

/**
 * The stamp the server gives a change that came without a usable one: the server's clock at
 * arrival, having received `latest` (the record's latest stamp), so it is later than everything the
 * record holds: old clients keep their last-arrival-wins behaviour.
 */
export const arrivalStamp = (nowMs: number, latest?: Stamp): Stamp =>
  encodeStamp(
    tick(latest === undefined ? newClock(SERVER_NODE) : receive(newClock(SERVER_NODE), latest), nowMs),
  );

/**
 * The stamp the server keeps for a change: the client's, unless it is missing or more than
 * {@link MAX_STAMP_AHEAD_MS} ahead of the server's clock (then an {@link arrivalStamp}).
 */
export function acceptedStamp(stamp: Stamp | undefined, nowMs: number, latest?: Stamp): Stamp {
  const hlc = stamp === undefined ? null : decodeStamp(stamp);
  if (!hlc || hlc.wallMs > nowMs + MAX_STAMP_AHEAD_MS) return arrivalStamp(nowMs, latest);
  return stamp!;
}
