import { describe, expect, it } from "vitest";
import { exerciseName, filterExercises, loadExerciseLibrary } from "./exercise-data";

const NONE = { text: "", muscle: "", equipment: "", level: "", coachOnly: false };

describe("exercise library", () => {
  it("loads the whole bundled dataset, sorted by name", async () => {
    const library = await loadExerciseLibrary();
    expect(library.exercises.length + library.rejected).toBeGreaterThan(800);
    expect(library.rejected).toBe(0);
    const names = library.exercises.map((e) => e.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("matches every filter at once, and words of the name in any order", async () => {
    const { exercises } = await loadExerciseLibrary();
    const found = filterExercises(exercises, {
      ...NONE,
      text: "squat barbell",
      muscle: "quadriceps",
      equipment: "barbell",
    });
    expect(found.map((e) => e.id)).toContain("Barbell_Full_Squat");
    for (const e of found) {
      expect(e.name.toLowerCase()).toMatch(/squat/);
      expect(e.equipment).toBe("barbell");
      expect([...e.primaryMuscles, ...e.secondaryMuscles]).toContain("quadriceps");
    }
    const coached = filterExercises(exercises, { ...NONE, coachOnly: true });
    expect(coached.length).toBeGreaterThan(0);
    expect(coached.every((e) => e.coachId !== null)).toBe(true);
  });

  it("names dataset, engine and unknown ids readably", async () => {
    const library = await loadExerciseLibrary();
    expect(exerciseName("Barbell_Full_Squat", library)).toBe("Barbell Full Squat");
    expect(exerciseName("push_up", library)).toBe("Push-up");
    expect(exerciseName("Old_Custom_Move", undefined)).toBe("Old Custom Move");
  });
});
