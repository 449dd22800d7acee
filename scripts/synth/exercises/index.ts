import type { Exercise } from "../types.ts";
import type { ExerciseModel } from "./posture.ts";
import { squat } from "./squat.ts";

export const EXERCISE_MODELS: Record<Exercise, ExerciseModel> = {
  squat,
  push_up: squat,
  lunge: squat,
  bicep_curl: squat,
  plank: squat,
};
