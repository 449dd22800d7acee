import { Hono } from "hono";
import * as v from "valibot";
import { ExerciseQuerySchema, type Exercise, type ExercisePage } from "../../shared/schemas/exercise";
import { ExerciseRefSchema } from "../../shared/schemas/workout";
import type { AppEnv } from "../http/request-metrics";
import {
  EXERCISE_CACHE_TTL_S,
  exerciseById,
  exerciseKey,
  exercisePage,
  exercisePageKey,
  kvCacheable,
} from "../data/exercises";
import { readPage, writePage } from "../data/page-cache";
import { jsonText } from "../data/json-text";
import { ApiError } from "../http/errors";
import { valid } from "./validate";

/**
 * `/api/exercises`: the public exercise library, cached under the dataset version: a bounded set of
 * pages in KV, every other query (searches, later pages) in the location's Cache API.
 */
export const exerciseRoutes = new Hono<AppEnv>()
  .get("/", valid("query", ExerciseQuerySchema), async (c) => {
    const query = c.req.valid("query");
    const key = await exercisePageKey(query);
    const store = kvCacheable(query) ? "kv" : "edge-cache";
    const { metrics } = c.var;
    const cached = await readPage(c.env, store, key);
    if (cached !== null) {
      metrics.cache = "hit";
      return jsonText<ExercisePage>(c, cached);
    }
    metrics.cache = "miss";
    const { statement, limit } = exercisePage(c.env.DB, query);
    const { results } = await metrics.db(() => statement.all<{ id: string; data: string }>());
    const page = results.slice(0, limit);
    const cursor = results.length > limit ? (page.at(-1)?.id ?? null) : null;
    const body = `{"exercises":[${page.map((r) => r.data).join(",")}],"cursor":${JSON.stringify(cursor)}}`;
    c.executionCtx.waitUntil(writePage(c.env, store, key, body, EXERCISE_CACHE_TTL_S));
    return jsonText<ExercisePage>(c, body);
  })
  .get("/:id", valid("param", v.object({ id: ExerciseRefSchema })), async (c) => {
    const { id } = c.req.valid("param");
    const key = exerciseKey(id);
    const { metrics } = c.var;
    const cached = await c.env.CACHE.get(key);
    if (cached !== null) {
      metrics.cache = "hit";
      return jsonText<{ exercise: Exercise }>(c, cached);
    }
    metrics.cache = "miss";
    const row = await metrics.db(() => exerciseById(c.env.DB, id).first<{ data: string }>());
    if (row === null) throw new ApiError(404, "not_found", `No exercise ${id}.`);
    const body = `{"exercise":${row.data}}`;
    c.executionCtx.waitUntil(writePage(c.env, "kv", key, body, EXERCISE_CACHE_TTL_S));
    return jsonText<{ exercise: Exercise }>(c, body);
  });
