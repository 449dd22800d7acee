import * as v from "valibot";
import { WorkoutSchema } from "./workout";

/** Largest page of workouts. */
export const MAX_WORKOUT_LIMIT = 100;

/** Fields `GET /api/workouts?fields=` may select; `sets` includes the workout's sets. */
export const WORKOUT_FIELDS = [...Object.keys(WorkoutSchema.entries), "sets"] as const;

/** `GET /api/workouts` query. */
export const WorkoutQuerySchema = v.object({
  cursor: v.optional(v.pipe(v.string(), v.maxLength(120))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.toNumber(), v.minValue(1), v.maxValue(MAX_WORKOUT_LIMIT)),
  ),
  /** Comma-separated field names; absent means all fields and the sets. */
  fields: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(200),
      v.transform((s) => s.split(",").map((f) => f.trim())),
      v.array(v.picklist(WORKOUT_FIELDS)),
    ),
  ),
});
export type WorkoutQuery = v.InferOutput<typeof WorkoutQuerySchema>;
