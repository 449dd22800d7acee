import { describe, expect, it } from "vitest";
import {
  COACH_EXERCISE_IDS,
  COACHED_DATASET_IDS,
  DatasetEntryError,
  coachIdFor,
  normalizeDatasetExercise,
} from "./index";

const raw = {
  name: " Bodyweight Squat ",
  force: "push",
  level: "beginner",
  mechanic: null,
  equipment: "body only",
  primaryMuscles: ["quadriceps"],
  secondaryMuscles: ["glutes", "hamstrings"],
  instructions: ["Stand tall. ", "", "Sit back."],
  category: "strength",
  id: "Bodyweight_Squat",
};

describe("normalizeDatasetExercise", () => {
  it("trims text, drops empty steps and marks what the engine coaches", () => {
    const exercise = normalizeDatasetExercise(raw);
    expect(exercise.name).toBe("Bodyweight Squat");
    expect(exercise.instructions).toEqual(["Stand tall.", "Sit back."]);
    expect(exercise.coachId).toBe("squat");
    expect(exercise.mechanic).toBeNull();
  });

  it("leaves exercises the engine cannot judge uncoached", () => {
    expect(normalizeDatasetExercise({ ...raw, id: "Ab_Roller" }).coachId).toBeNull();
  });

  it("refuses unknown muscles and malformed entries", () => {
    expect(() => normalizeDatasetExercise({ ...raw, primaryMuscles: ["spleen"] })).toThrow(DatasetEntryError);
    expect(() => normalizeDatasetExercise({ name: "x" })).toThrow(DatasetEntryError);
  });
});

describe("coach mapping", () => {
  it("maps each dataset id to one engine exercise", () => {
    const all = COACH_EXERCISE_IDS.flatMap((id) => COACHED_DATASET_IDS[id]);
    expect(new Set(all).size).toBe(all.length);
    for (const id of COACH_EXERCISE_IDS) {
      for (const datasetId of COACHED_DATASET_IDS[id]) expect(coachIdFor(datasetId)).toBe(id);
    }
  });
});
