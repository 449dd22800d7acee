import { EXERCISE_DATASET_VERSION, type ExerciseQuery } from "../../shared/schemas/exercise";
import type { Db } from "./db";

const DEFAULT_LIMIT = 100;

/** KV key of one library page: the dataset version plus the canonical query, so a new dataset is a new key. */
export function exercisePageKey(query: ExerciseQuery): string {
  const parts = (["q", "muscle", "equipment", "level", "coachable", "cursor", "limit"] as const)
    .filter((name) => query[name] !== undefined)
    .map((name) => `${name}=${encodeURIComponent(String(query[name]))}`);
  return `exercises:v${EXERCISE_DATASET_VERSION}:${parts.join("&")}`;
}

export const exerciseKey = (id: string) => `exercise:v${EXERCISE_DATASET_VERSION}:${id}`;

/** Library pages change only with the dataset; keep them a week. */
export const EXERCISE_CACHE_TTL_S = 7 * 24 * 3600;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** One page of the library, in id order, filtered; one more row than `limit` tells whether more remain. */
export function exercisePage(db: Db, query: ExerciseQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.cursor) {
    where.push("id > ?");
    params.push(query.cursor);
  }
  if (query.q) {
    where.push("lower(name) LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(query.q)}%`);
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
