import { describe, expect, it } from "vitest";
import { CORRECTIVES, loadKindFor, PROGRAMS, swapCandidates } from "../../../shared/plans";
import { loadExerciseLibrary } from "../library/exercise-data";

describe("plans and the exercise library", () => {
  it("every built-in program's lift is a library exercise, loaded the way its equipment is", async () => {
    const library = await loadExerciseLibrary();
    for (const slot of PROGRAMS.flatMap((p) => p.days.flatMap((d) => d.slots))) {
      const entry = library.byId.get(slot.exerciseId);
      expect(entry, slot.exerciseId).toBeDefined();
      expect(loadKindFor(entry!.equipment), slot.exerciseId).toBe(slot.load);
    }
  });

  it("every corrective for a recurring fault is a library exercise", async () => {
    const library = await loadExerciseLibrary();
    for (const { exerciseId } of Object.values(CORRECTIVES))
      expect(library.byId.has(exerciseId), exerciseId).toBe(true);
  });

  it("swaps a barbell squat for quadriceps exercises a person with dumbbells can do", async () => {
    const library = await loadExerciseLibrary();
    const options = swapCandidates(library.byId.get("Barbell_Full_Squat")!, library.exercises, ["dumbbell"]);
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      expect(option.primaryMuscles).toEqual(["quadriceps"]);
      expect([null, "body only", "dumbbell"]).toContain(option.equipment);
    }
  });
});
