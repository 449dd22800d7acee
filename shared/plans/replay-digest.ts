import type { Plan } from "../schemas/plan";
import { coachIdFor } from "../schemas/exercise";
import type { LoggedSession, LoggedSet } from "./types";

/**
 * A 64-bit digest of what the plan engine reads of a session, as two 32-bit lanes (FNV-1a and a
 * murmur-style mix). Two sessions with the same digest are taken as the same session: a changed
 * session goes unnoticed with odds of about 1 in 2^64, far below any hardware fault.
 */
export interface Digest {
  hi: number;
  lo: number;
}

/** Exercise ids that count for some lift of the plan: only their sets can change a replay. */
export function planExerciseIds(plan: Plan): ReadonlySet<string> {
  let ids = idsByDays.get(plan.days);
  if (!ids) {
    ids = new Set<string>();
    for (const slot of plan.days.flatMap((day) => day.slots)) {
      ids.add(slot.exerciseId);
      const coachId = coachIdFor(slot.exerciseId);
      if (coachId) ids.add(coachId);
    }
    idsByDays.set(plan.days, ids);
  }
  return ids;
}
const idsByDays = new WeakMap<Plan["days"], Set<string>>();

/**
 * The session with only the sets the plan reads (the same object when that is all of them). The
 * replay gives the same result on either: a set of another exercise neither picks the plan day nor
 * moves a lift.
 */
export function planSetsOf(session: LoggedSession, ids: ReadonlySet<string>): LoggedSession {
  let keep = 0;
  for (const set of session.sets) if (ids.has(set.exerciseId)) keep++;
  if (keep === session.sets.length) return session;
  return { day: session.day, sets: session.sets.filter((set) => ids.has(set.exerciseId)) };
}

/** Tags keep null, undefined and numbers apart. */
const NULL = 0x9e3779b9;
const UNDEFINED = 0x7f4a7c15;
const NUMBER = 0x85ebca6b;
const INTEGER = 0xc2b2ae35;

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
/** Ids and fault names repeat across the log: each is hashed once. */
const stringDigests = new Map<string, Digest>();

/** The two lanes as fields of one object: V8 keeps them in registers better than module `let`s. */
class Hasher {
  hi = 0x811c9dc5;
  lo = 0x2545f491;

  word(x: number): void {
    this.hi = Math.imul(this.hi ^ x, 16777619);
    const lo = Math.imul(this.lo ^ x, 0x5bd1e995);
    this.lo = lo ^ (lo >>> 15);
  }

  num(value: number | null | undefined): void {
    if (value === null) return this.word(NULL);
    if (value === undefined) return this.word(UNDEFINED);
    // Most fields are small whole numbers (reps, scores): one word instead of the float's two.
    if ((value | 0) === value && !Object.is(value, -0)) {
      this.word(INTEGER);
      return this.word(value);
    }
    float[0] = value;
    this.word(NUMBER);
    this.word(words[0]!);
    this.word(words[1]!);
  }

  str(value: string): void {
    let known = stringDigests.get(value);
    if (!known) {
      const own = new Hasher();
      for (let i = 0; i < value.length; i++) own.word(value.charCodeAt(i));
      known = { hi: own.hi, lo: own.lo };
      // A bound keeps odd strings from piling up.
      if (stringDigests.size < 10_000) stringDigests.set(value, known);
    }
    this.word(value.length);
    this.word(known.hi);
    this.word(known.lo);
  }

  set(s: LoggedSet): void {
    this.str(s.exerciseId);
    this.num(s.reps);
    this.num(s.weightKg);
    this.num(s.rpe);
    this.num(s.durationMs);
    this.word(s.repForm.length);
    for (const rep of s.repForm) {
      this.num(rep.score);
      this.num(rep.romRatio);
      this.word(rep.faults.length);
      for (const fault of rep.faults) this.str(fault);
    }
  }

  /** The session's day and its sets of `ids` (all of them without `ids`), then their count. */
  session(s: LoggedSession, ids?: ReadonlySet<string>): void {
    this.str(s.day);
    let n = 0;
    for (const one of s.sets) {
      if (ids && !ids.has(one.exerciseId)) continue;
      this.set(one);
      n++;
    }
    this.word(n);
  }

  digest(): Digest {
    return { hi: this.hi >>> 0, lo: this.lo >>> 0 };
  }
}

/**
 * The digest of one session: its day and every field the engine reads of its sets (of `ids` only,
 * when given: the same as the digest of {@link planSetsOf}, without making it).
 */
export function digestSession(s: LoggedSession, ids?: ReadonlySet<string>): Digest {
  const h = new Hasher();
  h.session(s, ids);
  return h.digest();
}

/** The digest of `sessions` in order. */
export function digestSessions(sessions: readonly LoggedSession[]): Digest {
  const h = new Hasher();
  h.word(sessions.length);
  for (const s of sessions) h.session(s);
  return h.digest();
}
