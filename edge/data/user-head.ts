import { DurableObject } from "cloudflare:workers";
import { SESSION_TTL_MS } from "../auth/session-cache";

/**
 * The two facts a signed-in read needs that would otherwise cost a D1 round trip, for a shard of
 * the users (see {@link shardOf}), held where every isolate asks the same object:
 *
 * - Which of a user's sessions have ended. Routes that end sessions name them here before they
 *   answer (kept in the object's own storage, so a restart forgets nothing); a session an isolate
 *   has cached is asked about on every request, so a revoked device is refused everywhere at once.
 * - The user's newest record version, while it is known: a pull whose cursor is at or past it has
 *   nothing to fetch. A push tells it the version its batch read; a profile save, or a push sent
 *   again, makes it unknown until the next pull that reads D1's primary sets it again (a
 *   generation count guards against a slower reader setting it from before a write). It is also
 *   forgotten after {@link KNOWN_FOR_MS}, so a write whose notice was lost (the Worker failed
 *   between D1 and here) is found within that time. Kept in memory only: a restart forgets it,
 *   which costs one D1 read a user, while a stored version would make every push and many pulls
 *   wait for a storage write, and all the shard's other users' answers behind it.
 *
 * Why a shard and not one object per user: an idle object is evicted after about ten seconds,
 * and a user asks once a minute, so a user's own object would start cold on nearly every pull
 * (its start-up cost more CPU than the rest of the pull, docs/performance.md). A shard hears from
 * its many users several times a second and stays warm.
 */
export class HeadShard extends DurableObject<Env> {
  /** Users whose state is in memory, least recently asked first (so the first to drop). */
  private readonly users = new Map<string, UserState>();

  /** Whether `deviceId`'s session is still live, and what is known of the user's records. */
  check(userId: string, deviceId: string): HeadCheck {
    const user = this.user(userId);
    const live = !user.deleted && !user.ended.has(deviceId);
    if (user.records !== null && Date.now() >= user.records.untilMs) user.records = null;
    return { live, recordsVersion: user.records?.version ?? null, generation: user.generation };
  }

  /** Sessions that have just ended (in D1, committed): refused from now on. */
  sessionsEnded(userId: string, deviceIds: readonly string[]): void {
    const user = this.user(userId);
    // No session lives longer than SESSION_TTL_MS, so one ended now is not needed after that.
    const untilMs = Date.now() + SESSION_TTL_MS;
    for (const id of deviceIds) {
      user.ended.set(id, untilMs);
      this.ctx.storage.kv.put(keyOf(userId, ENDED + id), untilMs);
    }
  }

  /** The account is gone (in D1, committed): every session refused, nothing to pull. */
  accountDeleted(userId: string): void {
    this.user(userId).deleted = true;
    this.ctx.storage.kv.put(keyOf(userId, DELETED), true);
  }

  /** A write to the user's records has committed: the newest version is unknown until read again. */
  recordsChanged(userId: string): void {
    const user = this.user(userId);
    user.generation++;
    user.records = null;
  }

  /**
   * A write to the user's records has committed, and `newest` is the user's newest version as the
   * write's own batch read it (so as of its commit). Known from now on, without a read: a later
   * write tells this object in turn, and the larger of the two is kept whatever order they arrive in.
   */
  recordsWritten(userId: string, newest: number): void {
    const user = this.user(userId);
    user.generation++;
    this.know(user, newest);
  }

  /**
   * No record of the user is newer than `version`, as read from D1's primary after a check that
   * returned `generation`; ignored if a write has been noted since.
   */
  recordsRead(userId: string, generation: number, version: number): void {
    const user = this.user(userId);
    if (generation === user.generation) this.know(user, version);
  }

  /** No record is newer than `version` (or than what was known, if newer), for the next while. */
  private know(user: UserState, version: number): void {
    user.records = {
      version: Math.max(version, user.records?.version ?? 0),
      untilMs: Date.now() + KNOWN_FOR_MS,
    };
  }

  /** The user's state: from memory, else what storage holds (dropping what has expired). */
  private user(userId: string): UserState {
    let user = this.users.get(userId);
    if (user !== undefined) {
      this.users.delete(userId);
    } else {
      user = this.load(userId);
      if (this.users.size >= USERS_IN_MEMORY) {
        const oldest = this.users.keys().next();
        if (!oldest.done) this.users.delete(oldest.value);
      }
    }
    this.users.set(userId, user);
    return user;
  }

  /** What storage holds of `userId` (its ended sessions, whether the account is gone). */
  private load(userId: string): UserState {
    const now = Date.now();
    const prefix = keyOf(userId, "");
    const user: UserState = {
      ended: new Map(),
      deleted: false,
      records: null,
      // Starts anywhere: a read that began before a restart must not match a count begun after it.
      generation: crypto.getRandomValues(new Uint32Array(1))[0] ?? 0,
    };
    for (const [key, value] of this.ctx.storage.kv.list<unknown>({ prefix })) {
      const name = key.slice(prefix.length);
      if (name === DELETED) user.deleted = value === true;
      else if (name.startsWith(ENDED)) {
        if (typeof value === "number" && value > now) user.ended.set(name.slice(ENDED.length), value);
        else this.ctx.storage.kv.delete(key);
      }
    }
    return user;
  }
}

interface UserState {
  ended: Map<string, number>;
  deleted: boolean;
  /** No record is newer than `version`, trusted until `untilMs`. */
  records: { version: number; untilMs: number } | null;
  generation: number;
}

/** What {@link HeadShard.check} answers. */
export interface HeadCheck {
  live: boolean;
  /** No record of the user is newer than this; null: not known, read D1. */
  recordsVersion: number | null;
  /** Pass back to {@link HeadShard.recordsRead} with what a read found. */
  generation: number;
}

const ENDED = "ended:";
const DELETED = "deleted";
/** A user's keys in the shard's storage: the id, then what is kept ("/" is in no user id). */
const keyOf = (userId: string, name: string) => `${userId}/${name}`;
/** How long a newest version read from D1 is trusted without a write being noted. */
const KNOWN_FOR_MS = 5 * 60_000;
/** Users a shard keeps in memory (a few hundred bytes each); the rest are read from storage. */
const USERS_IN_MEMORY = 20_000;

/**
 * How many shards the users are spread over. Each must hear from its users more often than every
 * ten seconds to stay warm, and one object serves up to about 1,000 of these small calls a
 * second: 32 stay warm from about 150 users active at once and hold about 1.4 million training at
 * once (docs/scale.md). Changing it moves users to other shards, which start knowing nothing of
 * them: safe only in a deployment (its new isolates have no cached sessions, so each session is
 * looked up in D1 again).
 */
export const HEAD_SHARDS = 32;

/** The shard that holds `userId`'s head: FNV-1a of the id, modulo {@link HEAD_SHARDS}. */
export function shardOf(userId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % HEAD_SHARDS;
}

/** The object of `userId`'s shard. */
export const headShard = (env: Env, userId: string) =>
  env.HEAD_SHARD.get(env.HEAD_SHARD.idFromName(`shard-${shardOf(userId)}`));

/** `userId`'s head: the calls of its shard's object, about this user. */
export function userHead(env: Env, userId: string) {
  const shard = headShard(env, userId);
  return {
    check: (deviceId: string) => shard.check(userId, deviceId),
    sessionsEnded: (deviceIds: readonly string[]) => shard.sessionsEnded(userId, deviceIds),
    accountDeleted: () => shard.accountDeleted(userId),
    recordsChanged: () => shard.recordsChanged(userId),
    recordsWritten: (newest: number) => shard.recordsWritten(userId, newest),
    recordsRead: (generation: number, version: number) => shard.recordsRead(userId, generation, version),
  };
}

/** Tells the user's head that the sessions of `deviceIds` have ended; none ended: no call. */
export async function tellSessionsEnded(
  env: Env,
  userId: string,
  deviceIds: readonly string[],
): Promise<void> {
  if (deviceIds.length > 0) await userHead(env, userId).sessionsEnded(deviceIds);
}
