import { EXERCISE_DATASET_VERSION, type ExerciseQuery } from "../../shared/schemas/exercise";
import { sha256Hex } from "../auth/tokens";
import type { Db } from "./db";

const DEFAULT_LIMIT = 100;

/** Page sizes whose unsearched, first pages may live in KV: the app's and the benchmark's. */
const KV_PAGE_LIMITS: ReadonlySet<number> = new Set([20, 50, 100, 1000]);

// KV keys may be at most 512 bytes; a canonical query longer than this is hashed instead.
const MAX_PLAIN_KEY_BYTES = 200;

/**
 * The canonical form of a library query: fields in a fixed order, the default limit spelled out,
 * so `?limit=100` and no limit are one entry.
 */
export function canonicalExerciseQuery(query: ExerciseQuery): string {
  const full = { ...query, limit: query.limit ?? DEFAULT_LIMIT };
  return (["q", "muscle", "equipment", "level", "coachable", "cursor", "limit"] as const)
    .filter((name) => full[name] !== undefined && full[name] !== "")
    .map((name) => `${name}=${encodeURIComponent(String(full[name]))}`)
    .join("&");
}

/**
 * Cache key of one library page: the dataset version plus the canonical query (a new dataset is a
 * new key), or its SHA-256 when long, so any query fits KV's and the Cache API's key limits.
 */
export async function exercisePageKey(query: ExerciseQuery): Promise<string> {
  const canonical = canonicalExerciseQuery(query);
  const tail =
    new TextEncoder().encode(canonical).length > MAX_PLAIN_KEY_BYTES
      ? `sha256=${await sha256Hex(canonical)}`
      : canonical;
  return `exercises:v${EXERCISE_DATASET_VERSION}:${tail}`;
}

/**
 * Whether a page may be kept in KV. Only first pages of filter-only queries at a known page size:
 * a bounded set of a few thousand keys, so nobody can spend the day's KV writes (which sign-in
 * also needs) by sending one distinct search after another. Everything else goes to the Cache API.
 */
export const kvCacheable = (query: ExerciseQuery): boolean =>
  !query.q && query.cursor === undefined && KV_PAGE_LIMITS.has(query.limit ?? DEFAULT_LIMIT);

export const exerciseKey = (id: string) => `exercise:v${EXERCISE_DATASET_VERSION}:${id}`;

/** Library pages change only with the dataset; keep them a week. */
export const EXERCISE_CACHE_TTL_S = 7 * 24 * 3600;

/** One page of the library, in id order, filtered; one more row than `limit` tells whether more remain. */
export function exercisePage(db: Db, query: ExerciseQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.cursor) {
    where.push("id > ?");
    params.push(query.cursor);
  }
  if (query.q) {
    // instr, not LIKE: D1 caps LIKE patterns at 50 bytes, and there are no wildcards to escape.
    where.push("instr(lower(name), ?) > 0");
    params.push(query.q);
  }
  if (query.level) {
    where.push("level = ?");
    params.push(query.level);
  }
  if (query.equipment) {
    where.push("equipment = ?");
    params.push(query.equipment);
  }
  if (query.coachable !== undefined)
    where.push(query.coachable ? "coach_id IS NOT NULL" : "coach_id IS NULL");
  if (query.muscle) {
    where.push("id IN (SELECT exercise_id FROM exercise_muscles WHERE muscle = ?)");
    params.push(query.muscle);
  }
  const limit = query.limit ?? DEFAULT_LIMIT;
  const sql = `SELECT id, data FROM exercises ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id LIMIT ?`;
  return { statement: db.prepare(sql).bind(...params, limit + 1), limit };
}

export const exerciseById = (db: Db, id: string) =>
  db.prepare("SELECT data FROM exercises WHERE id = ?").bind(id);
