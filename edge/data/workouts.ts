import type { Db } from "./db";

/** A workout page cursor could not be read. */
export class WorkoutCursorError extends Error {
  readonly code = "invalid_cursor";
  constructor() {
    super("Unreadable workouts cursor.");
    this.name = "WorkoutCursorError";
  }
}

/** Workouts page newest first by `startedAt`, ties by id; the cursor is the last one returned. */
export const encodeWorkoutCursor = (startedAt: number, id: string) => `w1.${startedAt.toString(36)}.${id}`;

export function decodeWorkoutCursor(cursor: string): { startedAt: number; id: string } {
  const match = /^w1\.([0-9a-z]{1,11})\.([0-9a-f-]{36})$/i.exec(cursor);
  if (!match?.[1] || !match[2]) throw new WorkoutCursorError();
  return { startedAt: parseInt(match[1], 36), id: match[2] };
}

export interface WorkoutPageRow {
  kind: "workout" | "set";
  id: string;
  value: string;
  sort_at: number;
}

/**
 * One page of a user's live workouts and all their live sets, in ONE query: the page as a CTE,
 * then the sets joined by their workout id (index records_by_parent).
 */
export function workoutPage(
  db: Db,
  userId: string,
  limit: number,
  before?: { startedAt: number; id: string },
) {
  const after = before ? "AND (sort_at < ? OR (sort_at = ? AND id < ?))" : "";
  const afterParams = before ? [before.startedAt, before.startedAt, before.id] : [];
  return db
    .prepare(
      `WITH page AS (
         SELECT id, value, sort_at FROM records
         WHERE user_id = ? AND entity = 'workout' AND value IS NOT NULL ${after}
         ORDER BY sort_at DESC, id DESC LIMIT ?
       )
       SELECT 'workout' AS kind, id, value, sort_at FROM page
       UNION ALL
       SELECT 'set' AS kind, s.id, s.value, s.sort_at FROM page p
         JOIN records s ON s.user_id = ? AND s.entity = 'set' AND s.parent_id = p.id
       WHERE s.value IS NOT NULL`,
    )
    .bind(userId, ...afterParams, limit + 1, userId);
}
