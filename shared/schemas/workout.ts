import * as v from "valibot";
import { EntityIdSchema, TimestampMsSchema, recordMetaEntries, textSchema } from "./common";

/** A training session. Its sets are separate `set` records pointing back with `workoutId`. */
export const WorkoutSchema = v.object({
  id: EntityIdSchema,
  startedAt: TimestampMsSchema,
  endedAt: v.optional(v.nullable(TimestampMsSchema)),
  name: v.optional(textSchema(120)),
  notes: v.optional(textSchema(2000)),
  ...recordMetaEntries,
});
export type Workout = v.InferOutput<typeof WorkoutSchema>;

/** Largest range of motion kept for a rep, against the person's own full range (1 = full). */
export const ROM_RATIO_MAX = 2;

/**
 * One rep as the form engine judged it: a 0..100 score, the faults seen and, from camera sets saved
 * since it was recorded, the range reached against the person's calibrated range. Never an image.
 */
export const RepFormSchema = v.strictObject({
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  faults: v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(32)),
  romRatio: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(ROM_RATIO_MAX))),
});
export type RepForm = v.InferOutput<typeof RepFormSchema>;

export const SET_SOURCES = ["manual", "camera"] as const;

/** Exercise ids are the dataset's ids (e.g. `Barbell_Full_Squat`) or a form-engine id (e.g. `squat`). */
export const ExerciseRefSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_()'.,+-]{1,100}$/));

/** One set within a workout. */
export const WorkoutSetSchema = v.object({
  id: EntityIdSchema,
  workoutId: EntityIdSchema,
  exerciseId: ExerciseRefSchema,
  /** Position within the workout, from 0. */
  order: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
  performedAt: TimestampMsSchema,
  reps: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
  weightKg: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1000))),
  /** Rate of perceived exertion, 1..10 in half steps. */
  rpe: v.nullable(v.pipe(v.number(), v.minValue(1), v.maxValue(10), v.multipleOf(0.5))),
  /** Rest taken before this set. */
  restMs: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(86_400_000))),
  /** For holds (plank): how long the position was held. */
  durationMs: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(86_400_000)))),
  source: v.picklist(SET_SOURCES),
  /** Per-rep form from the engine; empty for manual sets. */
  repForm: v.pipe(v.array(RepFormSchema), v.maxLength(1000)),
  ...recordMetaEntries,
});
export type WorkoutSet = v.InferOutput<typeof WorkoutSetSchema>;
