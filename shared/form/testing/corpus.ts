import { EXERCISES, EXERCISE_IDS } from "../exercises";
import type { ExerciseId, FaultId } from "../types";
import { Random } from "./random";
import type { RepPlan, SequenceOptions } from "./sequence";

const FRONT_YAWS = [0, 12, -12];
const OBLIQUE_YAWS = [40, -45, 50];
const SIDE_YAWS = [90, -90, 80, -85];
const FLOOR_ONLY_SIDEWAYS: ReadonlySet<ExerciseId> = new Set(["plank", "glute_bridge"]);
const PARTIALS: ReadonlySet<ExerciseId> = new Set([
  "squat",
  "push_up",
  "bicep_curl",
  "glute_bridge",
  "jumping_jack",
]);

/**
 * Faults the generator does not render: a set's set-up rather than a rep (a stance), or a
 * variation it has no pose for (knees down in a push-up). Real people's recordings check these.
 */
const NOT_RENDERED: ReadonlySet<FaultId> = new Set(["wide_stance", "knees_down"]);

/** A fault the generator can inject for an exercise. */
export function injectableFaults(exercise: ExerciseId): FaultId[] {
  return EXERCISES[exercise].faults.map((f) => f.id).filter((id) => !NOT_RENDERED.has(id));
}

function plan(exercise: ExerciseId, rng: Random): RepPlan[] {
  const faults = injectableFaults(exercise);
  const count = exercise === "plank" ? 5 : Math.floor(rng.range(4, 8));
  const reps: RepPlan[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    if (PARTIALS.has(exercise) && roll < 0.1) reps.push({ faults: [], partial: true });
    else if (roll < 0.5) reps.push({ faults: [] });
    else reps.push({ faults: [rng.pick(faults)] });
  }
  return reps;
}

/** Options for the corpus. */
export interface CorpusOptions {
  seedsPerCell: number;
  exercises?: readonly ExerciseId[];
  noiseLevels?: readonly number[];
}

/**
 * The evaluation corpus: every exercise from front, oblique and side views (floor exercises that
 * need a side view only from the side), several people, noise levels, frame rates and mirroring.
 */
export function corpus(options: CorpusOptions): SequenceOptions[] {
  const out: SequenceOptions[] = [];
  const noiseLevels = options.noiseLevels ?? [0.5, 1, 1.5];
  for (const exercise of options.exercises ?? EXERCISE_IDS) {
    const yawSets = FLOOR_ONLY_SIDEWAYS.has(exercise)
      ? [OBLIQUE_YAWS, SIDE_YAWS]
      : [FRONT_YAWS, OBLIQUE_YAWS, SIDE_YAWS];
    for (const yaws of yawSets) {
      for (const noise of noiseLevels) {
        for (let k = 0; k < options.seedsPerCell; k++) {
          const seed = hash(`${exercise}/${yaws[0]}/${noise}/${k}`);
          const rng = new Random(seed);
          out.push({
            exercise,
            reps: plan(exercise, rng),
            seed,
            fps: rng.pick([15, 24, 30, 60]),
            yawDeg: rng.pick(yaws),
            noise,
            mirrored: rng.next() < 0.3,
            femurScale: rng.range(0.9, 1.12),
            walkInOut: rng.next() < 0.2,
          });
        }
      }
    }
  }
  return out;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
