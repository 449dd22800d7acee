import { describe, expect, it } from "vitest";
import { muscleRecovery } from "./recovery";
import type { LoggedSet } from "./types";

const MUSCLES: Record<string, { primaryMuscles: string[]; secondaryMuscles: string[] }> = {
  Barbell_Full_Squat: { primaryMuscles: ["quadriceps"], secondaryMuscles: ["glutes"] },
  Dumbbell_Bicep_Curl: { primaryMuscles: ["biceps"], secondaryMuscles: [] },
};
const musclesOf = (id: string) => MUSCLES[id] ?? null;
const sets = (exerciseId: string, n: number, reps = 5): LoggedSet[] =>
  Array.from({ length: n }, () => ({ exerciseId, reps, weightKg: 60, rpe: null, repForm: [] }));

describe("muscle recovery", () => {
  it("tires a muscle 10 % a set (half for secondary) and brings it back linearly over 7 days", () => {
    const log = [{ day: "2026-11-02", sets: sets("Barbell_Full_Squat", 5) }];
    expect(muscleRecovery(log, musclesOf, "2026-11-02")).toEqual([
      { muscle: "quadriceps", recoveredPct: 50, sets: 5, lastDay: "2026-11-02" },
      { muscle: "glutes", recoveredPct: 75, sets: 2.5, lastDay: "2026-11-02" },
    ]);
    const later = muscleRecovery(log, musclesOf, "2026-11-05");
    // 50 % of fatigue, 3 of 7 days on: 50 × 4/7 ≈ 29 % left.
    expect(later.find((m) => m.muscle === "quadriceps")?.recoveredPct).toBe(71);
    expect(muscleRecovery(log, musclesOf, "2026-11-09")).toEqual([]);
  });

  it("adds up sessions, caps at fully tired, and leaves out unknown exercises and empty sets", () => {
    const log = [
      { day: "2026-11-01", sets: sets("Barbell_Full_Squat", 12) },
      {
        day: "2026-11-02",
        sets: [...sets("Barbell_Full_Squat", 6), ...sets("Plank", 3), ...sets("Dumbbell_Bicep_Curl", 3, 0)],
      },
    ];
    const today = muscleRecovery(log, musclesOf, "2026-11-02");
    expect(today[0]).toMatchObject({ muscle: "quadriceps", recoveredPct: 0 });
    expect(today.map((m) => m.muscle)).not.toContain("biceps");
  });
});
