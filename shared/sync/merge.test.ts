import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergePut, safeParseFields } from "./merge";

describe("mergePut (field-level last writer wins)", () => {
  const stored = { id: "a", reps: 5, weightKg: 100, notes: "heavy", updatedAt: 1 };

  it("replaces the whole record on a full put", () => {
    const value = { id: "a", reps: 3, weightKg: null, updatedAt: 2 };
    expect(mergePut(stored, value)).toEqual(value);
  });

  it("changes only the named fields on a partial put", () => {
    expect(mergePut(stored, { reps: 6, weightKg: 999, updatedAt: 2 }, ["reps", "updatedAt"])).toEqual({
      ...stored,
      reps: 6,
      updatedAt: 2,
    });
  });

  it("removes a named field that the value leaves out", () => {
    expect(mergePut(stored, { updatedAt: 3 }, ["notes", "updatedAt"])).toEqual({
      id: "a",
      reps: 5,
      weightKg: 100,
      updatedAt: 3,
    });
  });

  it("does nothing for a partial put on a missing record", () => {
    expect(mergePut(null, { reps: 1 }, ["reps"])).toBeNull();
  });

  it("lets the later of two writes to one field win and keeps both writes to different fields", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer(), (a, b, c) => {
        const first = mergePut(stored, { reps: a, weightKg: c }, ["reps", "weightKg"]);
        const second = mergePut(first, { reps: b }, ["reps"]);
        expect(second).toMatchObject({ reps: b, weightKg: c, notes: "heavy" });
      }),
    );
  });
});

describe("safeParseFields", () => {
  it("validates each named field against the entity schema", () => {
    const ok = safeParseFields("set", { reps: 8, rpe: null }, ["reps", "rpe"]);
    expect(ok).toEqual({ ok: true, patch: { set: { reps: 8, rpe: null }, remove: [] } });
    const bad = safeParseFields("set", { reps: -1 }, ["reps"]);
    expect(bad).toMatchObject({ ok: false, field: "reps" });
  });

  it("refuses the id, unknown fields and prototype keys", () => {
    for (const field of ["id", "userId", "__proto__", "toString"]) {
      expect(safeParseFields("workout", { [field]: "x" }, [field])).toMatchObject({ ok: false, field });
    }
  });

  it("turns an absent optional field into a removal", () => {
    expect(safeParseFields("workout", {}, ["notes"])).toEqual({
      ok: true,
      patch: { set: {}, remove: ["notes"] },
    });
  });
});
