import * as v from "valibot";
import { RESOLUTIONS } from "./camera";
import { EXERCISE_CHOICES, exerciseFromQuery } from "./exercise-choice";
import type { TrainSettings } from "./TrainControls";

/** The choices Train keeps across visits. The delegate is not kept: GPU is only ever asked for now. */
export type TrainChoices = Pick<
  TrainSettings,
  "exercise" | "cameraId" | "resolution" | "model" | "soundOn" | "countdownS"
>;

const KEY = "spotter:train-choices";

export const DEFAULT_TRAIN_CHOICES = {
  exercise: "auto",
  cameraId: null,
  resolution: "480p",
  model: "lite",
  soundOn: false,
  countdownS: 3,
} as const satisfies TrainChoices;

/** The countdowns offered before a camera set, in seconds (0: none). */
export const COUNTDOWN_SECONDS = [0, 3, 5, 10] as const;
export type CountdownSeconds = (typeof COUNTDOWN_SECONDS)[number];

const d = DEFAULT_TRAIN_CHOICES;

// Each field falls back on its own: an exercise an older version knew, or a hand-edited value, costs
// that one choice, not the others.
const TrainChoicesSchema = v.fallback(
  v.object({
    exercise: v.fallback(v.picklist(EXERCISE_CHOICES), d.exercise),
    cameraId: v.fallback(v.nullable(v.pipe(v.string(), v.nonEmpty())), d.cameraId),
    resolution: v.fallback(v.picklist(RESOLUTIONS.map((r) => r.id)), d.resolution),
    // The two models the picker offers.
    model: v.fallback(v.picklist(["lite", "full"] as const), d.model),
    soundOn: v.fallback(v.boolean(), d.soundOn),
    countdownS: v.fallback(v.picklist(COUNTDOWN_SECONDS), d.countdownS),
  }),
  DEFAULT_TRAIN_CHOICES,
);

/**
 * The choices saved on this device; `?exercise=` in `search` (a link from a plan or the library)
 * wins over the saved exercise. Never throws: unreadable storage means the defaults.
 */
export function readTrainChoices(search: string): TrainChoices {
  let stored: unknown = null;
  try {
    stored = JSON.parse(localStorage.getItem(KEY) ?? "null");
  } catch {
    // Corrupt JSON, or storage the browser refuses (private mode): the defaults apply.
  }
  const choices = v.parse(TrainChoicesSchema, stored);
  const linked = exerciseFromQuery(search);
  return linked === "auto" ? choices : { ...choices, exercise: linked };
}

/** Saves the choices for the next visit; a full or refused storage only loses the memory of them. */
export function saveTrainChoices(settings: TrainChoices): void {
  const { exercise, cameraId, resolution, model, soundOn, countdownS } = settings;
  try {
    localStorage.setItem(KEY, JSON.stringify({ exercise, cameraId, resolution, model, soundOn, countdownS }));
  } catch (error) {
    console.warn("Train choices could not be saved", error);
  }
}
