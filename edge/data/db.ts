import { createMiddleware } from "hono/factory";
import { BOOKMARK_HEADER } from "../../shared/schemas/sync";
import type { RequestMetrics } from "../http/request-metrics";

/** What queries run against: the database or a D1 Sessions API session of it. */
export type Db = Pick<D1Database, "prepare" | "batch">;

/**
 * `db` with each batch timed and counted as one D1 round trip in `metrics`, for code that runs
 * several batches (a push reads, then writes): wrapped whole in `metrics.db` it would count one.
 */
export const countingBatches = (db: Db, metrics: RequestMetrics): Db => ({
  prepare: (sql) => db.prepare(sql),
  batch: (statements) => metrics.db(() => db.batch(statements)),
});

/** The signed-in user and device of a request. */
export interface SessionInfo {
  userId: string;
  username: string;
  userCreatedAt: number;
  deviceId: string;
  /** The user's profile version when the session was looked up; null when it came from the cache. */
  profileVersion: number | null;
  /** No change of the user's is newer than this (0: none; null: not known, D1 must say). */
  recordsVersion: number | null;
  /**
   * For a session checked with the user's head object (edge/data/user-head.ts): the generation to
   * report a primary read of the newest version with. Null for a session read from D1.
   */
  headGeneration: number | null;
}

/** Routes that touch D1 through a session (and, for most, need a signed-in user). */
export type DataEnv = {
  Bindings: Env;
  Variables: { metrics: RequestMetrics; db: Db; session: SessionInfo };
};

// Bookmarks are opaque to us but short and plain; anything else is ignored rather than sent to D1.
const BOOKMARK_PATTERN = /^[0-9a-zA-Z-]{1,128}$/;

/**
 * Opens a D1 Sessions API session per request, continuing from the client's `x-d1-bookmark` when it
 * sends one so a device reads its own writes even from a replica, and answers with the newest
 * bookmark. Without a bookmark the first query goes where `start` says: any replica by default,
 * the primary for account changes that must see the latest credentials and sessions.
 */
export const d1Session = (start: "first-unconstrained" | "first-primary" = "first-unconstrained") =>
  createMiddleware<DataEnv>(async (c, next) => {
    const bookmark = c.req.header(BOOKMARK_HEADER);
    const session = c.env.DB.withSession(
      bookmark !== undefined && BOOKMARK_PATTERN.test(bookmark) ? bookmark : start,
    );
    c.set("db", session);
    await next();
    const latest = session.getBookmark();
    if (latest) c.res.headers.set(BOOKMARK_HEADER, latest);
  });
