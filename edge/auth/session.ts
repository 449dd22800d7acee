import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { DataEnv, Db, SessionInfo } from "../data/db";
import { ApiError } from "../http/errors";
import { sessionEnded } from "./session-alive";
import { countWrite } from "./rate-limit";
import { SESSION_TTL_MS, sessionCache, type SessionIdentity } from "./session-cache";
import { userHead, type HeadCheck } from "../data/user-head";
import { randomToken, sha256Hex } from "./tokens";

export const SESSION_COOKIE = "spotter_session";
const LAST_SEEN_GRANULARITY_MS = 3600 * 1000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

interface SessionRow {
  device_id: string;
  user_id: string;
  username: string;
  created_at: number;
  profile_version: number;
  records_version: number | null;
  last_seen_at: number;
  expires_at: number;
}

// records_version (the user's newest change, one step down an index) lets a pull with nothing new
// answer without a second D1 round trip: most pulls are the app's minute timer finding nothing.
export const SESSION_SQL = `SELECT s.id AS device_id, s.user_id, s.last_seen_at, s.expires_at, u.username, u.created_at, u.profile_version,
    (SELECT max(version) FROM records WHERE user_id = s.user_id) AS records_version
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token_hash = ? AND s.expires_at > ?`;

/** Who a new session is for, and the condition (in the caller's batch) it is opened under. */
export interface NewSession {
  userId: string;
  deviceName: string;
  now: number;
  /** The passkey it signed in with; null for a recovery-code sign-in. */
  credentialId: string | null;
  onlyIf?: { sql: string; params: unknown[] };
}

/** A new session: the token for the cookie and the insert to run in the caller's batch. */
export async function newSession(
  db: Db,
  { userId, deviceName, now, credentialId, onlyIf }: NewSession,
): Promise<{ token: string; deviceId: string; insert: D1PreparedStatement }> {
  const token = randomToken(32);
  const deviceId = crypto.randomUUID();
  const condition = onlyIf ? `WHERE ${onlyIf.sql}` : "";
  const insert = db
    .prepare(
      `INSERT INTO sessions (id, token_hash, user_id, name, created_at, last_seen_at, expires_at, credential_id)
       SELECT ?, ?, ?, ?, ?, ?, ?, ? ${condition}`,
    )
    .bind(
      deviceId,
      await sha256Hex(token),
      userId,
      deviceName,
      now,
      now,
      now + SESSION_TTL_MS,
      credentialId,
      ...(onlyIf?.params ?? []),
    );
  return { token, deviceId, insert };
}

const isSecure = (c: Context) => new URL(c.req.url).protocol === "https:";

/** Sets the session cookie: HttpOnly, SameSite=Strict, whole site, Secure except over plain http. */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: isSecure(c),
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isSecure(c), httpOnly: true, sameSite: "Strict" });
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Looks up the session cookie; 401 with the error envelope when there is no valid session.
 * Every other method than a read counts against the user's write quota (429 past it).
 *
 * A session looked up in the last minutes answers from the isolate's cache
 * (edge/auth/session-cache.ts) once the user's head object says it has not ended; the object also
 * says how new the user's records are when it knows (the profile version is null: the route reads
 * it). Routes that can end sessions pass `endsSessions`: after any write through them the user's
 * cached sessions are forgotten here, and the routes name the ended sessions to the head object.
 * Routes that change the account (passkeys, devices, recovery code, deletion) pass
 * `freshForWrites`: a write through them never trusts the cache. Routes whose writes check the
 * session inside their batch (edge/auth/session-alive.ts: records, the profile) pass
 * `writesCheckSession`: a write through them takes a cached session without asking the head object,
 * since the batch refuses an ended one before it writes anything.
 */
export const requireUser = (
  options: { endsSessions?: boolean; freshForWrites?: boolean; writesCheckSession?: boolean } = {},
) =>
  createMiddleware<DataEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token === undefined || !TOKEN_PATTERN.test(token)) {
      throw new ApiError(401, "unauthorized", "Sign in to use this.");
    }
    const now = Date.now();
    const tokenHash = await sha256Hex(token);
    const isRead = READ_METHODS.has(c.req.method);
    const cached = options.freshForWrites && !isRead ? undefined : sessionCache.get(tokenHash, now);
    const trusted = cached && options.writesCheckSession && !isRead ? unchecked(cached) : undefined;
    const session =
      trusted ?? (cached && (await stillLive(c.env, cached))) ?? (await lookUpSession(c, tokenHash, now));
    if (!isRead) await countWrite(c.env, session.userId);
    c.set("session", session);
    if (!options.endsSessions || isRead) return next();
    try {
      await next();
    } finally {
      sessionCache.forgetUser(session.userId);
    }
  });

/**
 * A cached session as the user's head object sees it now: its identity with the newest record
 * version when known, or null when the session has ended (or the object cannot be asked: D1 decides).
 */
async function stillLive(env: Env, identity: SessionIdentity): Promise<SessionInfo | null> {
  let head: HeadCheck;
  try {
    head = await userHead(env, identity.userId).check(identity.deviceId);
  } catch {
    return null;
  }
  if (!head.live) return null;
  return { ...unchecked(identity), recordsVersion: head.recordsVersion, headGeneration: head.generation };
}

/** A cached session taken as it is: nothing known of the user's profile or records. */
const unchecked = (identity: SessionIdentity): SessionInfo => ({
  ...identity,
  profileVersion: null,
  recordsVersion: null,
  headGeneration: null,
});

/** The session of `tokenHash` from D1 (kept in the isolate's cache); 401 when there is none. */
async function lookUpSession(c: Context<DataEnv>, tokenHash: string, now: number): Promise<SessionInfo> {
  const lookup = (db: Db) =>
    c.var.metrics.db(() => db.prepare(SESSION_SQL).bind(tokenHash, now).first<SessionRow>());
  // A session opened moments ago may not have reached this replica yet: ask the primary before refusing.
  const row = (await lookup(c.var.db)) ?? (await lookup(c.env.DB));
  if (row === null) throw sessionEnded();
  if (now - row.last_seen_at > LAST_SEEN_GRANULARITY_MS) {
    // Off the response path: the device list only needs "last seen" to the hour.
    c.executionCtx.waitUntil(
      c.env.DB.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?").bind(now, row.device_id).run(),
    );
  }
  const identity = {
    userId: row.user_id,
    username: row.username,
    userCreatedAt: row.created_at,
    deviceId: row.device_id,
  };
  sessionCache.set(tokenHash, identity, now, row.expires_at);
  return {
    ...identity,
    profileVersion: row.profile_version,
    recordsVersion: row.records_version ?? 0,
    headGeneration: null,
  };
}
