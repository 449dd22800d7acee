import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeStamp, type Stamp } from "./hlc";
import { applyStamped, mergeStamped, type StampedChange, type StampedRecord } from "./stamped";

const FIELDS = ["reps", "weightKg", "notes"] as const;
const CREATED = encodeStamp({ wallMs: 100, counter: 0, node: "a" });
const create: StampedChange = {
  op: "put",
  whole: true,
  fields: FIELDS,
  stamp: CREATED,
  value: { id: "s1", reps: 5, weightKg: 100, notes: "first" },
};

// Few walls, counters and nodes, so equal stamps (arrival stamps can collide) and near ties happen.
const stampArb = fc
  .record({
    wallMs: fc.integer({ min: 101, max: 106 }),
    counter: fc.integer({ min: 0, max: 2 }),
    node: fc.constantFrom("a", "b", "server"),
  })
  .map(encodeStamp);
const valueArb = {
  reps: fc.integer({ min: 1, max: 4 }),
  weightKg: fc.constantFrom(null, 60, 80),
  notes: fc.constantFrom(undefined, "x", "y"),
};
const editArb: fc.Arbitrary<StampedChange> = fc
  .record({
    fields: fc.subarray([...FIELDS], { minLength: 1 }),
    whole: fc.boolean(),
    stamp: stampArb,
    reps: valueArb.reps,
    weightKg: valueArb.weightKg,
    notes: valueArb.notes,
  })
  .map(({ fields, whole, stamp, ...value }) => ({
    op: "put" as const,
    whole,
    fields: whole ? FIELDS : fields,
    stamp,
    value: { id: "s1", ...value },
  }));
const changeArb: fc.Arbitrary<StampedChange> = fc.oneof(
  { weight: 6, arbitrary: editArb },
  { weight: 1, arbitrary: stampArb.map((stamp) => ({ op: "delete" as const, stamp })) },
);

const applyAll = (changes: readonly StampedChange[], start: StampedRecord | null = null) =>
  changes.reduce<StampedRecord | null>((record, change) => applyStamped(record, change).record, start);

/** What applying every edit in stamp order gives: per field the latest write; deleted if any delete. */
function oracle(changes: readonly StampedChange[]): Record<string, unknown> | null {
  if (changes.some((c) => c.op === "delete")) return null;
  const value: Record<string, unknown> = { id: "s1" };
  for (const field of FIELDS) {
    let best: { stamp: Stamp; key: string; value: unknown } | null = null;
    for (const c of changes) {
      if (c.op !== "put" || !c.fields.includes(field)) continue;
      const v = c.value[field];
      const key = v === undefined ? "" : `v${JSON.stringify(v)}`;
      if (!best || c.stamp > best.stamp || (c.stamp === best.stamp && key > best.key)) {
        best = { stamp: c.stamp, key, value: v };
      }
    }
    if (best && best.value !== undefined) value[field] = best.value;
  }
  return value;
}

describe("per-field merge with hybrid logical clocks", () => {
  it("converges on the stamp-order result whatever order the changes arrive in", () => {
    fc.assert(
      fc.property(
        fc.array(changeArb, { maxLength: 12 }),
        fc.infiniteStream(fc.double()),
        (changes, noise) => {
          const shuffled = changes.map((c) => ({ c, k: noise.next().value })).sort((x, y) => x.k - y.k);
          const inOrder = applyAll([create, ...changes]);
          const reordered = applyAll([create, ...shuffled.map((s) => s.c)]);
          expect(reordered?.value).toEqual(inOrder?.value);
          expect(inOrder?.value ?? null).toEqual(oracle([create, ...changes]));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("is idempotent: a change applied again (a replayed push) changes nothing", () => {
    fc.assert(
      fc.property(fc.array(changeArb, { maxLength: 10 }), (changes) => {
        const once = applyAll([create, ...changes]);
        const twice = applyAll([create, ...changes.flatMap((c) => [c, c]), ...changes]);
        expect(twice).toEqual(once);
      }),
    );
  });

  it("joins replica states commutatively and idempotently, equal to one replica that saw everything", () => {
    fc.assert(
      fc.property(
        fc.array(changeArb, { maxLength: 8 }),
        fc.array(changeArb, { maxLength: 8 }),
        (left, right) => {
          const a = applyAll([create, ...left])!;
          const b = applyAll([create, ...right])!;
          const both = applyAll([create, ...left, ...right])!;
          expect(mergeStamped(a, b).value).toEqual(both.value);
          expect(mergeStamped(b, a).value).toEqual(both.value);
          expect(mergeStamped(a, a)).toEqual(a);
        },
      ),
    );
  });

  it("lets the later edit win even when it arrives first (the phone offline since 10:00)", () => {
    const at = (hour: number, node: string) => encodeStamp({ wallMs: hour * 3_600_000, counter: 0, node });
    const start = applyAll([{ ...create, stamp: at(9, "a") }]);
    const laptop: StampedChange = {
      op: "put",
      whole: false,
      fields: ["reps"],
      stamp: at(11, "laptop"),
      value: { reps: 8 },
    };
    const phone: StampedChange = {
      op: "put",
      whole: false,
      fields: ["reps"],
      stamp: at(10, "phone"),
      value: { reps: 3 },
    };
    expect(applyAll([laptop, phone], start)?.value).toMatchObject({ reps: 8 });
    expect(applyAll([phone, laptop], start)?.value).toMatchObject({ reps: 8 });
  });

  it("keeps a deleted record deleted: an edit never brings it back", () => {
    const deleted = applyAll([
      create,
      { op: "delete", stamp: encodeStamp({ wallMs: 101, counter: 0, node: "b" }) },
    ]);
    const later = encodeStamp({ wallMs: 999, counter: 0, node: "a" });
    const edit = applyStamped(deleted, {
      op: "put",
      whole: true,
      fields: FIELDS,
      stamp: later,
      value: create.op === "put" ? create.value : {},
    });
    expect(edit).toEqual({ record: deleted, applied: false });
  });

  it("ignores an edit of a record it never saw created, and removes fields a write leaves out", () => {
    expect(
      applyStamped(null, { op: "put", whole: false, fields: ["reps"], stamp: CREATED, value: { reps: 1 } }),
    ).toEqual({
      record: null,
      applied: false,
    });
    const removed = applyAll([
      create,
      {
        op: "put",
        whole: false,
        fields: ["notes"],
        stamp: encodeStamp({ wallMs: 101, counter: 0, node: "b" }),
        value: {},
      },
    ]);
    expect(removed?.value).not.toHaveProperty("notes");
  });

  it("lets any stamped write win over fields stored before stamps existed", () => {
    const legacy: StampedRecord = { value: { id: "s1", reps: 5 }, stamps: {} };
    const next = applyStamped(legacy, {
      op: "put",
      whole: false,
      fields: ["reps"],
      stamp: CREATED,
      value: { reps: 6 },
    });
    expect(next.record?.value).toEqual({ id: "s1", reps: 6 });
  });
});
