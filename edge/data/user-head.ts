import { DurableObject } from "cloudflare:workers";
import { SESSION_TTL_MS } from "../auth/session-cache";

/**
 * One per user (named by the user's id): the two facts a signed-in read needs that would
 * otherwise cost a D1 round trip, held where every isolate asks the same object.
 *
 * - Which of the user's sessions have ended. Routes that end sessions name them here before they
 *   answer (kept in the object's own storage, so a restart forgets nothing); a session an isolate
 *   has cached is asked about on every request, so a revoked device is refused everywhere at once.
 * - The newest record version, while it is known: a pull whose cursor is at or past it has
 *   nothing to fetch. A push tells it the version its batch read; a profile save, or a push sent
 *   again, makes it unknown until the next pull that reads D1's primary sets it again (a
 *   generation count guards against a slower reader setting it from before a write). It is also
 *   forgotten after {@link KNOWN_FOR_MS}, so a write whose notice was lost (the Worker failed
 *   between D1 and here) is found within that time.
 *
 * Both are kept in the object's storage as well as its memory: an idle object is evicted (between
 * two of a user's minute pulls, in production) and starts again from what it stored.
 */
export class UserHead extends DurableObject<Env> {
  private records: { version: number; untilMs: number } | null = null;
  /** Starts anywhere: a read that began before a restart must not match a count begun after it. */
  private generation = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
  private readonly ended = new Map<string, number>();
  private deleted = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const now = Date.now();
    for (const [key, untilMs] of ctx.storage.kv.list<number>({ prefix: ENDED })) {
      if (untilMs > now) this.ended.set(key.slice(ENDED.length), untilMs);
      else ctx.storage.kv.delete(key);
    }
    this.deleted = ctx.storage.kv.get<boolean>(DELETED) === true;
    const records = ctx.storage.kv.get<{ version: number; untilMs: number }>(RECORDS);
    if (records !== undefined && records.untilMs > now) this.records = records;
  }

  /** Whether `deviceId`'s session is still live, and what is known of the user's records. */
  check(deviceId: string): HeadCheck {
    const live = !this.deleted && !this.ended.has(deviceId);
    if (this.records !== null && Date.now() >= this.records.untilMs) this.records = null;
    return { live, recordsVersion: this.records?.version ?? null, generation: this.generation };
  }

  /** Sessions that have just ended (in D1, committed): refused from now on. */
  sessionsEnded(deviceIds: readonly string[]): void {
    // No session lives longer than SESSION_TTL_MS, so one ended now is not needed after that.
    const untilMs = Date.now() + SESSION_TTL_MS;
    for (const id of deviceIds) {
      this.ended.set(id, untilMs);
      this.ctx.storage.kv.put(ENDED + id, untilMs);
    }
  }

  /** The account is gone (in D1, committed): every session refused, nothing to pull. */
  accountDeleted(): void {
    this.deleted = true;
    this.ctx.storage.kv.put(DELETED, true);
  }

  /** A write to the user's records has committed: the newest version is unknown until read again. */
  recordsChanged(): void {
    this.generation++;
    if (this.records === null) return;
    this.records = null;
    this.ctx.storage.kv.delete(RECORDS);
  }

  /**
   * A write to the user's records has committed, and `newest` is the user's newest version as the
   * write's own batch read it (so as of its commit). Known from now on, without a read: a later
   * write tells this object in turn, and the larger of the two is kept whatever order they arrive in.
   */
  recordsWritten(newest: number): void {
    this.generation++;
    this.know(newest);
  }

  /**
   * No record of the user is newer than `version`, as read from D1's primary after a check that
   * returned `generation`; ignored if a write has been noted since.
   */
  recordsRead(generation: number, version: number): void {
    if (generation === this.generation) this.know(version);
  }

  /** No record is newer than `version` (or than what was known, if newer), for the next while. */
  private know(version: number): void {
    this.records = {
      version: Math.max(version, this.records?.version ?? 0),
      untilMs: Date.now() + KNOWN_FOR_MS,
    };
    this.ctx.storage.kv.put(RECORDS, this.records);
  }
}

/** What {@link UserHead.check} answers. */
export interface HeadCheck {
  live: boolean;
  /** No record of the user is newer than this; null: not known, read D1. */
  recordsVersion: number | null;
  /** Pass back to {@link UserHead.recordsRead} with what a read found. */
  generation: number;
}

const ENDED = "ended:";
const DELETED = "deleted";
const RECORDS = "records";
/** How long a newest version read from D1 is trusted without a write being noted. */
const KNOWN_FOR_MS = 5 * 60_000;

/** The user's head object. */
export const userHead = (env: Env, userId: string) => env.USER_HEAD.get(env.USER_HEAD.idFromName(userId));

/** Tells the user's head object that the sessions of `deviceIds` have ended; none ended: no call. */
export async function tellSessionsEnded(
  env: Env,
  userId: string,
  deviceIds: readonly string[],
): Promise<void> {
  if (deviceIds.length > 0) await userHead(env, userId).sessionsEnded(deviceIds);
}
