import { describe, expect, it } from "vitest";
import { PROFILE_KEY, RecordValidationError, parseRecord, safeParseRecord, updatableFields } from "./index";

const workoutId = "01937a2b-8c4d-7e5f-9a6b-1c2d3e4f5a6b";
const setId = "01937a2b-8c4d-7e5f-8a6b-1c2d3e4f5a6c";

const set = {
  id: setId,
  workoutId,
  exerciseId: "Barbell_Full_Squat",
  order: 0,
  performedAt: 1_760_000_000_000,
  reps: 5,
  weightKg: 100,
  rpe: 8.5,
  restMs: 120_000,
  source: "camera",
  repForm: [
    { score: 92, faults: [] },
    { score: 71, faults: ["knees_cave"] },
  ],
  updatedAt: 1_760_000_000_500,
};

describe("parseRecord", () => {
  it("accepts a camera set with per-rep form scores", () => {
    expect(parseRecord("set", set)).toEqual(set);
  });

  it("refuses ids that are not UUIDv7", () => {
    const v4 = "9b2e0c3a-1d4f-4a6b-8c7d-0e1f2a3b4c5d";
    expect(() => parseRecord("workout", { id: v4, startedAt: 1, updatedAt: 1 })).toThrow(
      RecordValidationError,
    );
  });

  it("says which field is wrong", () => {
    const result = safeParseRecord("set", { ...set, rpe: 11, source: "upload" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("invalid_record");
      expect(result.error.issues.map((i) => i.path).sort()).toEqual(["rpe", "source"]);
    }
  });

  it("refuses anything that could carry an image in per-rep form", () => {
    const withFrame = { ...set, repForm: [{ score: 90, faults: [], frame: "data:image/png;base64,AAAA" }] };
    expect(safeParseRecord("set", withFrame).ok).toBe(false);
  });

  it("refuses negative and fractional timestamps", () => {
    expect(safeParseRecord("workout", { id: workoutId, startedAt: -5, updatedAt: 1 }).ok).toBe(false);
    expect(safeParseRecord("workout", { id: workoutId, startedAt: 1.5, updatedAt: 1 }).ok).toBe(false);
  });

  it("keys the profile with a constant and validates units", () => {
    const profile = {
      id: PROFILE_KEY,
      units: "lb",
      heightCm: 180,
      weightKg: 80,
      birthYear: 1990,
      sex: "female",
      goal: "strength",
      experience: "beginner",
      equipment: ["dumbbell", "body only"],
      trainingDays: 3,
      updatedAt: 5,
    };
    expect(parseRecord("profile", profile)).toEqual(profile);
    expect(safeParseRecord("profile", { ...profile, units: "stone" }).ok).toBe(false);
    expect(safeParseRecord("profile", { ...profile, id: workoutId }).ok).toBe(false);
  });

  it("accepts a tombstoned measurement", () => {
    const m = { id: setId, measuredAt: 10, weightKg: 70.2, updatedAt: 20, deletedAt: 20 };
    expect(parseRecord("measurement", m)).toEqual(m);
  });

  it("lists updatable fields without the id", () => {
    expect(updatableFields("workout")).not.toContain("id");
    expect(updatableFields("workout")).toContain("startedAt");
  });
});
