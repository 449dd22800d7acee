/**
 * Who a session is, kept in the isolate's memory so a device's requests (the app's minute pull, a
 * push and the pull after it, Profile's three reads) look the session up in D1 once in a while.
 * Only identity is kept: the user's versions (newest change, profile) are read where a route needs
 * them.
 *
 * Revocation: a cached session is used only after the user's head object (edge/data/user-head.ts)
 * says it has not ended, and every route that ends sessions (sign-out, a revoked device or passkey,
 * "sign out everywhere else", a deleted account) tells that object before it answers, so an ended
 * session is refused in every isolate at once. This isolate also forgets the user's entries. If
 * the object could not be told (the Worker failed between D1 and it), another isolate may accept an
 * ended session for at most {@link SESSION_CACHE_TTL_MS}. An entry never outlives the session's
 * own expiry.
 */
export const SESSION_CACHE_TTL_MS = 5 * 60_000;

/** How long a session lives from sign-in (its cookie and its row in D1). */
export const SESSION_TTL_MS = 90 * 24 * 3600 * 1000;

/** Entries kept at most; past it the oldest go first (a Map iterates in insertion order). */
const MAX_ENTRIES = 5_000;

/** The part of a session that does not change while it lives. */
export interface SessionIdentity {
  userId: string;
  username: string;
  userCreatedAt: number;
  deviceId: string;
}

interface Entry {
  identity: SessionIdentity;
  /** Until when the entry may answer: the earlier of TTL and the session's expiry. */
  untilMs: number;
}

/** Session identities by token hash, each for at most the TTL. */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = SESSION_CACHE_TTL_MS,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** The identity behind `tokenHash` if looked up less than the TTL ago and not since ended. */
  get(tokenHash: string, nowMs: number): SessionIdentity | undefined {
    const entry = this.entries.get(tokenHash);
    if (entry === undefined) return undefined;
    if (nowMs >= entry.untilMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.identity;
  }

  /** Keeps a session just read from D1; `expiresAtMs` is the session's own expiry. */
  set(tokenHash: string, identity: SessionIdentity, nowMs: number, expiresAtMs: number): void {
    this.entries.delete(tokenHash);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, { identity, untilMs: Math.min(nowMs + this.ttlMs, expiresAtMs) });
  }

  /** Forgets every session of `userId` (after anything that may have ended one of them). */
  forgetUser(userId: string): void {
    for (const [hash, entry] of this.entries) if (entry.identity.userId === userId) this.entries.delete(hash);
  }

  /** Forgets everything (what a request landing on a fresh isolate meets). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The isolate's cache, shared by every request it serves. */
export const sessionCache = new SessionCache();
