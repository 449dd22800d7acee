import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { estimateOneRepMaxKg, MAX_REPS_FOR_ESTIMATE, personalRecords } from "./one-rep-max";

describe("estimateOneRepMaxKg", () => {
  it("matches the published Epley and Brzycki formulas", () => {
    // 100 kg x 10: Epley 100 * (1 + 10/30), Brzycki 100 * 36 / 27.
    expect(estimateOneRepMaxKg(100, 10, "epley")).toBeCloseTo(133.33, 2);
    expect(estimateOneRepMaxKg(100, 10, "brzycki")).toBeCloseTo(133.33, 2);
    expect(estimateOneRepMaxKg(100, 5, "epley")).toBeCloseTo(116.67, 2);
    expect(estimateOneRepMaxKg(100, 5, "brzycki")).toBeCloseTo(112.5, 2);
  });

  it("treats a single as the max and refuses sets that cannot support an estimate", () => {
    expect(estimateOneRepMaxKg(140, 1)).toBe(140);
    expect(estimateOneRepMaxKg(0, 5)).toBeNull();
    expect(estimateOneRepMaxKg(60, 0)).toBeNull();
    expect(estimateOneRepMaxKg(60, MAX_REPS_FOR_ESTIMATE + 1)).toBeNull();
    expect(estimateOneRepMaxKg(60, 2.5)).toBeNull();
  });

  it("never estimates below the load lifted and grows with reps", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.integer({ min: 1, max: MAX_REPS_FOR_ESTIMATE - 1 }),
        (weightKg, reps) => {
          for (const formula of ["epley", "brzycki"] as const) {
            const now = estimateOneRepMaxKg(weightKg, reps, formula)!;
            const more = estimateOneRepMaxKg(weightKg, reps + 1, formula)!;
            expect(now).toBeGreaterThanOrEqual(weightKg);
            expect(more).toBeGreaterThan(now);
          }
        },
      ),
    );
  });
});

describe("personalRecords", () => {
  it("keeps the heaviest load, most reps and best estimate per exercise", () => {
    const records = personalRecords([
      { exerciseId: "squat", weightKg: 100, reps: 5, performedAt: 1 },
      { exerciseId: "squat", weightKg: 110, reps: 1, performedAt: 2 },
      { exerciseId: "squat", weightKg: 60, reps: 20, performedAt: 3 },
      { exerciseId: "push_up", weightKg: null, reps: 15, performedAt: 4 },
    ]);
    const squat = records.find((r) => r.exerciseId === "squat")!;
    expect(squat.heaviestKg).toBe(110);
    expect(squat.mostReps).toBe(20);
    expect(squat.bestEstimatedOneRepMaxKg).toBeCloseTo(116.67, 2);
    expect(squat.bestEstimateAt).toBe(1);
    const pushUp = records.find((r) => r.exerciseId === "push_up")!;
    expect(pushUp).toMatchObject({ heaviestKg: null, mostReps: 15, bestEstimatedOneRepMaxKg: null });
  });
});
