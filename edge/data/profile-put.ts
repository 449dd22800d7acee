import { updatableFields } from "../../shared/schemas/entities";
import { PROFILE_KEY, type Profile } from "../../shared/schemas/profile";
import { arrivalStamp, type Stamp } from "../../shared/sync/hlc";
import { latestStamp } from "../../shared/sync/stamped";
import { refuseEndedSession, sessionAlive } from "../auth/session-alive";
import { ApiError } from "../http/errors";
import type { Db, SessionInfo } from "./db";
import { bumpCounter, syncProfileVersion } from "./records";

/** How often a save is read and stamped again when a push changed the profile in between. */
const MAX_ATTEMPTS = 5;

interface StoredProfile {
  value: string | null;
  stamps: string | null;
  version: number;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The stamps of a whole profile saved by the plain `PUT /api/profile`: a field it changes (or
 * removes) is stamped at arrival, after every stamp stored; a field it sends unchanged keeps its
 * stored stamp, so an earlier edit of that field from a device that syncs later still wins.
 */
export function profileStamps(
  stored: { value: Record<string, unknown>; stamps: Record<string, Stamp> } | null,
  profile: Profile,
  nowMs: number,
): Record<string, Stamp> {
  const arrival = arrivalStamp(nowMs, stored ? latestStamp({ ...stored }) : undefined);
  const next = profile as Record<string, unknown>;
  const stamps: Record<string, Stamp> = {};
  for (const field of updatableFields("profile")) {
    const kept = stored?.stamps[field];
    stamps[field] = kept !== undefined && sameValue(stored?.value[field], next[field]) ? kept : arrival;
  }
  return stamps;
}

/**
 * Saves a whole profile for the session's user by {@link profileStamps}, in one batch that writes
 * only if the session still exists (else a 401) and the profile is still the version read (else it
 * reads and stamps again).
 */
export async function saveProfile(
  db: Db,
  session: SessionInfo,
  profile: Profile,
  nowMs = Date.now(),
): Promise<void> {
  const { userId } = session;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const row = await db
      .prepare(
        "SELECT value, stamps, version FROM records WHERE user_id = ? AND entity = 'profile' AND id = ?",
      )
      .bind(userId, PROFILE_KEY)
      .first<StoredProfile>();
    // A profile never stored, or a tombstone (the profile is never deleted alone), is written whole.
    const stored =
      row?.value != null
        ? {
            value: JSON.parse(row.value) as Record<string, unknown>,
            stamps: row.stamps === null ? {} : (JSON.parse(row.stamps) as Record<string, Stamp>),
          }
        : null;
    const stamps = profileStamps(stored, profile, nowMs);
    const write = db
      .prepare(
        `INSERT INTO records (user_id, entity, id, value, stamps, deleted_stamp, version)
         SELECT ?1, 'profile', ?2, ?3, ?4, NULL, (SELECT version FROM sync_counter WHERE id = 1)
         WHERE coalesce((SELECT version FROM records WHERE user_id = ?1 AND entity = 'profile' AND id = ?2), -1) = ?5
         ON CONFLICT (user_id, entity, id) DO UPDATE SET value = excluded.value, stamps = excluded.stamps,
           deleted_stamp = NULL, version = excluded.version
         RETURNING version`,
      )
      .bind(userId, PROFILE_KEY, JSON.stringify(profile), JSON.stringify(stamps), row?.version ?? -1);
    const [, , written] = await db
      .batch([sessionAlive(db, session, nowMs), bumpCounter(db, 1), write, syncProfileVersion(db, userId)])
      .catch(refuseEndedSession);
    if ((written?.results.length ?? 0) > 0) return;
  }
  throw new ApiError(409, "conflict", "Your profile changed on another device meanwhile; try again.");
}
