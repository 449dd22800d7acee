import type { Exercise } from "../types.ts";
import { bicepCurl } from "./bicep-curl.ts";
import { lunge } from "./lunge.ts";
import type { ExerciseModel } from "./posture.ts";
import { plank, pushUp } from "./push-up.ts";
import { squat } from "./squat.ts";

export const EXERCISE_MODELS: Record<Exercise, ExerciseModel> = {
  squat,
  push_up: pushUp,
  lunge,
  bicep_curl: bicepCurl,
  plank,
};
