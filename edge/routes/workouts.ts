import { Hono } from "hono";
import { MAX_WORKOUT_LIMIT, WorkoutQuerySchema } from "../../shared/schemas/api";
import { safeParseRecord } from "../../shared/schemas/entities";
import type { Workout, WorkoutSet } from "../../shared/schemas/workout";
import { requireUser } from "../auth/session";
import { d1Session, type DataEnv } from "../data/db";
import {
  WorkoutCursorError,
  decodeWorkoutCursor,
  encodeWorkoutCursor,
  workoutPage,
  type WorkoutPageRow,
} from "../data/workouts";
import { ApiError } from "../http/errors";
import { valid } from "./validate";

const DEFAULT_LIMIT = 20;

/** A workout with its sets, trimmed to the fields asked for. */
export type WorkoutWithSets = Partial<Workout> & { sets?: WorkoutSet[] };

function parseStored<E extends "workout" | "set">(entity: E, text: string) {
  const result = safeParseRecord(entity, JSON.parse(text));
  // Stored records were validated on write; one that no longer parses is a server bug worth a 500.
  if (!result.ok) throw result.error;
  return result.record;
}

function pick(workout: Workout, sets: WorkoutSet[], fields: readonly string[] | undefined): WorkoutWithSets {
  if (fields === undefined) return { ...workout, sets };
  const out: Record<string, unknown> = {};
  for (const field of fields) out[field] = field === "sets" ? sets : workout[field as keyof Workout];
  return out;
}

/** `/api/workouts`: the signed-in user's workouts, newest first, paged, with their sets. */
export const workoutRoutes = new Hono<DataEnv>()
  .use(d1Session())
  .use(requireUser())
  .get("/", valid("query", WorkoutQuerySchema), async (c) => {
    const query = c.req.valid("query");
    const limit = Math.min(query.limit ?? DEFAULT_LIMIT, MAX_WORKOUT_LIMIT);
    let before: { startedAt: number; id: string } | undefined;
    try {
      before = query.cursor ? decodeWorkoutCursor(query.cursor) : undefined;
    } catch (err) {
      if (err instanceof WorkoutCursorError) throw new ApiError(400, "bad_request", err.message);
      throw err;
    }
    const { db, metrics, session } = c.var;
    const { results } = await metrics.db(() =>
      workoutPage(db, session.userId, limit, before).all<WorkoutPageRow>(),
    );
    const workouts = results.filter((r) => r.kind === "workout").map((r) => parseStored("workout", r.value));
    const setsByWorkout = new Map<string, WorkoutSet[]>();
    for (const row of results) {
      if (row.kind !== "set") continue;
      const set = parseStored("set", row.value);
      setsByWorkout.set(set.workoutId, [...(setsByWorkout.get(set.workoutId) ?? []), set]);
    }
    const page = workouts.slice(0, limit);
    const last = page.at(-1);
    return c.json({
      workouts: page.map((w) =>
        pick(
          w,
          (setsByWorkout.get(w.id) ?? []).sort((a, b) => a.order - b.order),
          query.fields,
        ),
      ),
      cursor: workouts.length > limit && last ? encodeWorkoutCursor(last.startedAt, last.id) : null,
    });
  });
