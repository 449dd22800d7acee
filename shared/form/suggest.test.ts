import { describe, expect, it, vi } from "vitest";
import { suggestExercise } from "./suggest";
import { generateSequence } from "./testing/sequence";
import type { ExerciseId } from "./types";

// Each case generates and judges a whole synthetic set; allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const cases: { exercise: ExerciseId; yawDeg: number }[] = [
  { exercise: "squat", yawDeg: 45 },
  { exercise: "push_up", yawDeg: 90 },
  { exercise: "bicep_curl", yawDeg: 90 },
  { exercise: "overhead_press", yawDeg: 20 },
  { exercise: "hip_hinge", yawDeg: 90 },
  { exercise: "glute_bridge", yawDeg: 90 },
  { exercise: "plank", yawDeg: 90 },
  { exercise: "jumping_jack", yawDeg: 0 },
  { exercise: "split_squat", yawDeg: 90 },
  { exercise: "lunge", yawDeg: 90 },
  { exercise: "reverse_lunge", yawDeg: 90 },
];

describe("suggestExercise", () => {
  it.each(cases)("recognises $exercise", ({ exercise, yawDeg }) => {
    const reps = Array.from({ length: 3 }, () => ({ faults: [] }));
    const { frames } = generateSequence({ exercise, reps, seed: 21, yawDeg });
    expect(suggestExercise(frames)).toBe(exercise);
  });

  it("declines to guess from someone standing still", () => {
    const { frames } = generateSequence({ exercise: "squat", reps: [], seed: 2, yawDeg: 45 });
    expect(suggestExercise(frames)).toBeNull();
  });
});
