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

let hi = 0;
let lo = 0;
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

function word(x: number): void {
  hi = Math.imul(hi ^ x, 16777619);
  lo = Math.imul(lo ^ x, 0x5bd1e995);
  lo ^= lo >>> 15;
}

/** Tags keep null, undefined and numbers apart, and mark where each list ends. */
const NULL = 0x9e3779b9;
const UNDEFINED = 0x7f4a7c15;
const NUMBER = 0x85ebca6b;

const INTEGER = 0xc2b2ae35;

function num(value: number | null | undefined): void {
  if (value === null) return word(NULL);
  if (value === undefined) return word(UNDEFINED);
  // Most fields are small whole numbers (reps, scores): one word instead of the float's two.
  if ((value | 0) === value && !Object.is(value, -0)) {
    word(INTEGER);
    return word(value);
  }
  float[0] = value;
  word(NUMBER);
  word(words[0]!);
  word(words[1]!);
}

const stringDigests = new Map<string, Digest>();

function str(value: string): void {
  let known = stringDigests.get(value);
  if (!known) {
    const [h, l] = [hi, lo];
    hi = 0x811c9dc5;
    lo = 0x1b873593;
    for (let i = 0; i < value.length; i++) word(value.charCodeAt(i));
    known = { hi, lo };
    [hi, lo] = [h, l];
    // Ids and fault names repeat across the log; a bound keeps odd strings from piling up.
    if (stringDigests.size < 10_000) stringDigests.set(value, known);
  }
  word(value.length);
  word(known.hi);
  word(known.lo);
}

function set(s: LoggedSet): void {
  str(s.exerciseId);
  num(s.reps);
  num(s.weightKg);
  num(s.rpe);
  num(s.durationMs);
  word(s.repForm.length);
  for (const rep of s.repForm) {
    num(rep.score);
    num(rep.romRatio);
    word(rep.faults.length);
    for (const fault of rep.faults) str(fault);
  }
}

function session(s: LoggedSession): void {
  str(s.day);
  word(s.sets.length);
  for (const one of s.sets) set(one);
}

/** The digest of one session: its day and every field the engine reads of its sets. */
export function digestSession(s: LoggedSession): Digest {
  hi = 0x811c9dc5;
  lo = 0x2545f491;
  session(s);
  return { hi: hi >>> 0, lo: lo >>> 0 };
}

/** The digest of `sessions` in order. */
export function digestSessions(sessions: readonly LoggedSession[]): Digest {
  hi = 0x811c9dc5;
  lo = 0x2545f491;
  word(sessions.length);
  for (const s of sessions) session(s);
  return { hi: hi >>> 0, lo: lo >>> 0 };
}
