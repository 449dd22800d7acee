// The exercise picker's choices, from the engine's id list alone: the picker and a link's
// `?exercise=` need no form engine, so they are there on Train's first paint (names come from the
// `form` catalogue).
import { EXERCISE_IDS, isExerciseId, type ExerciseId } from "../../../shared/form/types";

/** "auto" watches the first seconds of movement and picks the exercise itself. */
export type ExerciseChoice = ExerciseId | "auto";

/** Every choice the picker offers, "auto" first, then the engine's exercises in display order. */
export const EXERCISE_CHOICES: readonly ExerciseChoice[] = ["auto", ...EXERCISE_IDS];

/** Reads `?exercise=<id>` so a plan or the library can open Train on one exercise. */
export function exerciseFromQuery(search: string): ExerciseChoice {
  const wanted = new URLSearchParams(search).get("exercise");
  return wanted !== null && isExerciseId(wanted) ? wanted : "auto";
}

/** The choice a picker's value names; "auto" for anything else. */
export function toExerciseChoice(value: string): ExerciseChoice {
  return isExerciseId(value) ? value : "auto";
}
