import type { Db, SessionInfo } from "../data/db";
import { ApiError } from "../http/errors";

const ENDED_MARK = "session ended";
// SQLite words it "bad JSON path: 'session ended'" (older: "JSON path error near 'session ended'").
const ENDED_ERROR = new RegExp(`JSON path[^']*'${ENDED_MARK}'`);

/** The 401 of a session that no longer exists. */
export const sessionEnded = () => new ApiError(401, "unauthorized", "Your session has ended; sign in again.");

/**
 * A write batch's first statement: it fails the batch (so nothing in it is written) unless the
 * request's device session still exists. A session answered from the isolate's cache
 * (edge/auth/session-cache.ts) may have ended in another isolate meanwhile: the account deleted,
 * the device revoked. Checked inside the batch, no round trip is added and nothing slips between
 * the check and the write. An invalid JSON path is how SQL fails with a message we can tell apart.
 */
export function sessionAlive(db: Db, session: SessionInfo, nowMs = Date.now()): D1PreparedStatement {
  return db
    .prepare(
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM sessions WHERE id = ?1 AND user_id = ?2 AND expires_at > ?3)
       THEN 0 ELSE json_extract('{}', '${ENDED_MARK}') END AS alive`,
    )
    .bind(session.deviceId, session.userId, nowMs);
}

/** Rethrows a batch's failure, as the 401 a client can act on when {@link sessionAlive} failed it. */
export function refuseEndedSession(err: unknown): never {
  if (ENDED_ERROR.test(String(err))) throw sessionEnded();
  throw err;
}
