import * as v from "valibot";
import { EntityIdSchema, recordMetaEntries, textSchema } from "./common";
import { ExerciseRefSchema } from "./workout";

/** A calendar day in the person's own time zone, `YYYY-MM-DD`. */
export const LocalDateSchema = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/));
export type LocalDate = v.InferOutput<typeof LocalDateSchema>;

const count = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const loadKg = v.pipe(v.number(), v.minValue(0), v.maxValue(1000));
const stepKg = v.pipe(v.number(), v.minValue(0), v.maxValue(50));

/** What moves the load: how a lift's prescription follows from how the last sessions went. */
export const ProgressionSchema = v.variant("kind", [
  /** Same sets × reps; add `incrementKg` when all are made, reset after `attempts` misses. */
  v.strictObject({
    kind: v.literal("linear"),
    sets: count(1, 20),
    reps: count(1, 100),
    incrementKg: stepKg,
    attempts: count(1, 10),
    resetPct: count(50, 100),
  }),
  /** A rep range; add load only when every set reaches `maxReps`. */
  v.strictObject({
    kind: v.literal("double"),
    sets: count(1, 20),
    minReps: count(1, 100),
    maxReps: count(1, 100),
    incrementKg: stepKg,
  }),
  /** Add load once the reps of all sets sum to `targetReps`. */
  v.strictObject({
    kind: v.literal("rep_sum"),
    sets: count(1, 20),
    targetReps: count(1, 1000),
    incrementKg: stepKg,
  }),
  /** Wendler's 5/3/1 waves on a training max, with Boring But Big 5×10 when `bbb`. */
  v.strictObject({ kind: v.literal("wave_531"), incrementKg: stepKg, bbb: v.boolean() }),
  /** GZCLP tier 1 (5×3+ → 6×2+ → 10×1+) or tier 2 (3×10 → 3×8 → 3×6). */
  v.strictObject({ kind: v.literal("gzclp"), tier: v.picklist(["t1", "t2"]), incrementKg: stepKg }),
  /** A mesocycle stepping reps in reserve 3 → 2 → 1 → 0, then a deload week. */
  v.strictObject({
    kind: v.literal("rir_meso"),
    sets: count(1, 20),
    reps: count(1, 100),
    incrementKg: stepKg,
  }),
]);
export type Progression = v.InferOutput<typeof ProgressionSchema>;
export type ProgressionKind = Progression["kind"];

/** How a lift is loaded, which decides the steps its load can take. */
export const LOAD_KINDS = ["barbell", "dumbbell", "machine", "bodyweight"] as const;

/** One lift of a training day. */
export const PlanSlotSchema = v.strictObject({
  exerciseId: ExerciseRefSchema,
  load: v.picklist(LOAD_KINDS),
  progression: ProgressionSchema,
  /** The starting working load (training max for 5/3/1); null seeds it from the log's estimated 1RM. */
  startKg: v.nullable(loadKg),
  restS: count(0, 900),
});
export type PlanSlot = v.InferOutput<typeof PlanSlotSchema>;

export const PlanDaySchema = v.strictObject({
  name: textSchema(60),
  slots: v.pipe(v.array(PlanSlotSchema), v.minLength(1), v.maxLength(20)),
});
export type PlanDay = v.InferOutput<typeof PlanDaySchema>;

/**
 * A training plan: days done in rotation on the chosen weekdays. It holds the plan's definition and
 * the days the person skipped; where each lift stands is worked out from the log, so two devices
 * that hold the same log and plan always agree.
 */
export const PlanSchema = v.object({
  id: EntityIdSchema,
  name: textSchema(120),
  /** The built-in program it was made from, or null for a custom plan. */
  programId: v.nullable(v.pipe(v.string(), v.regex(/^[a-z0-9_]{1,40}$/))),
  startedOn: LocalDateSchema,
  /** Training weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: v.pipe(v.array(count(1, 7)), v.minLength(1), v.maxLength(7)),
  days: v.pipe(v.array(PlanDaySchema), v.minLength(1), v.maxLength(14)),
  /** Days the person marked skipped: the session moves on to the next training day, unchanged. */
  skippedOn: v.pipe(v.array(LocalDateSchema), v.maxLength(1000)),
  active: v.boolean(),
  ...recordMetaEntries,
});
export type Plan = v.InferOutput<typeof PlanSchema>;
