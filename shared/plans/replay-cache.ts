import type { LocalDate, Plan } from "../schemas/plan";
import { byDay, seedReplay, stepReplay, type PlanReplay, type ReplayCheckpoint } from "./replay";
import { digestSession, digestSessions, planExerciseIds, planSetsOf, type Digest } from "./replay-digest";
import type { LoggedSession, PlanProfile } from "./types";

/** One replayed session: its day and digest, and where the replay stood after it. */
export interface ReplayStep extends Digest {
  day: LocalDate;
  dayIndex: number | null;
  /** Null for a step restored from storage without its checkpoint (only some are kept there). */
  after: ReplayCheckpoint | null;
}

/** The replay of one plan (definition and profile) over the last log it was given. */
export interface ReplayEntry {
  key: string;
  /** Digest of the sessions before the plan started, which seed it. */
  before: Digest;
  seeded: ReplayCheckpoint;
  steps: ReplayStep[];
}

/** Plans remembered at once (the active one, and a few the person looks at). */
const MAX_ENTRIES = 4;
let entries: ReplayEntry[] = [];

/** What a replay depends on besides the log: the plan's definition (not its skipped days) and the plates. */
export function replayKey(plan: Plan, profile: PlanProfile): string {
  const { units, barKg, platesKg } = profile;
  return JSON.stringify([plan.id, plan.startedOn, plan.days, units, barKg ?? null, platesKg ?? null]);
}

/** The remembered replay for `key`, if any. */
export const replayEntry = (key: string): ReplayEntry | undefined => entries.find((e) => e.key === key);

/** Remembers `entry` as the most recent, forgetting the oldest beyond {@link MAX_ENTRIES}. */
export function rememberEntry(entry: ReplayEntry): void {
  entries = [entry, ...entries.filter((e) => e.key !== entry.key)].slice(0, MAX_ENTRIES);
}

const sameDigest = (a: Digest, b: Digest) => a.hi === b.hi && a.lo === b.lo;

/**
 * {@link replayPlan} that remembers where the replay stood after each session, so the next call
 * replays only from the first session that is new or changed (logging a set replays one session).
 * Sessions are compared by a 64-bit digest of every field the engine reads (see
 * {@link digestSession}); sets of exercises outside the plan are left out, as they change nothing.
 */
export function replayPlanCached(
  plan: Plan,
  sessions: readonly LoggedSession[],
  profile: PlanProfile,
): PlanReplay {
  const ids = planExerciseIds(plan);
  const ordered = byDay(sessions);
  const before = ordered.filter((s) => s.day < plan.startedOn).map((s) => planSetsOf(s, ids));
  const beforeDigest = digestSessions(before);
  const key = replayKey(plan, profile);
  const found = replayEntry(key);
  const entry: ReplayEntry =
    found && sameDigest(found.before, beforeDigest)
      ? found
      : { key, before: beforeDigest, seeded: seedReplay(plan, before, profile), steps: [] };
  rememberEntry(entry);

  const during = ordered.filter((s) => s.day >= plan.startedOn);
  const digests = during.map((s) => digestSession(s, ids));
  let kept = 0;
  while (
    kept < entry.steps.length &&
    kept < during.length &&
    entry.steps[kept]!.day === during[kept]!.day &&
    sameDigest(entry.steps[kept]!, digests[kept]!)
  )
    kept++;
  // Resume from the last step that still has its checkpoint (all do, unless restored from storage).
  while (kept > 0 && entry.steps[kept - 1]!.after === null) kept--;
  const steps = entry.steps.slice(0, kept);
  let at = kept ? steps[kept - 1]!.after! : entry.seeded;
  for (let i = kept; i < during.length; i++) {
    const step = stepReplay(plan, at, planSetsOf(during[i]!, ids), profile);
    at = step.checkpoint;
    steps.push({ day: during[i]!.day, ...digests[i]!, dayIndex: step.dayIndex, after: at });
  }
  entry.steps = steps;
  return {
    states: new Map(at.states),
    nextDayIndex: at.nextDayIndex,
    planSessions: steps.flatMap((s) => (s.dayIndex === null ? [] : [{ day: s.day, dayIndex: s.dayIndex }])),
  };
}

/** Forgets every remembered replay (tests and benchmarks measure the first call with it). */
export function clearReplayCache(): void {
  entries = [];
}
