import type { Plan } from "../schemas/plan";
import { byDay, seedReplay, stepReplay, type PlanReplay, type ReplayCheckpoint } from "./replay";
import type { LoggedRep, LoggedSession, LoggedSet, PlanProfile } from "./types";

/** One replayed session: a copy of what was replayed, and where the replay stood after it. */
interface Step {
  session: LoggedSession;
  dayIndex: number | null;
  after: ReplayCheckpoint;
}

/** The replay of one plan (definition and profile) over the last log it was given. */
interface Entry {
  key: string;
  before: LoggedSession[];
  seeded: ReplayCheckpoint;
  steps: Step[];
}

/** Plans remembered at once (the active one, and a few the person looks at). */
const MAX_ENTRIES = 4;
let entries: Entry[] = [];

/** What a replay depends on besides the log: the plan's definition (not its skipped days) and the plates. */
function replayKey(plan: Plan, profile: PlanProfile): string {
  const { units, barKg, platesKg } = profile;
  return JSON.stringify([plan.id, plan.startedOn, plan.days, units, barKg ?? null, platesKg ?? null]);
}

const copyRep = (rep: LoggedRep): LoggedRep =>
  rep.romRatio === undefined
    ? { score: rep.score, faults: [...rep.faults] }
    : { score: rep.score, faults: [...rep.faults], romRatio: rep.romRatio };

const copySet = (set: LoggedSet): LoggedSet => ({
  exerciseId: set.exerciseId,
  reps: set.reps,
  weightKg: set.weightKg,
  rpe: set.rpe,
  durationMs: set.durationMs,
  repForm: set.repForm.map(copyRep),
});

/** A copy of the fields the engine reads, so later edits of the caller's objects cannot fool the cache. */
const copySession = (s: LoggedSession): LoggedSession => ({ day: s.day, sets: s.sets.map(copySet) });

function sameRep(a: LoggedRep, b: LoggedRep): boolean {
  if (a.score !== b.score || a.romRatio !== b.romRatio || a.faults.length !== b.faults.length) return false;
  for (let i = 0; i < a.faults.length; i++) if (a.faults[i] !== b.faults[i]) return false;
  return true;
}

function sameSet(a: LoggedSet, b: LoggedSet): boolean {
  if (
    a.exerciseId !== b.exerciseId ||
    a.reps !== b.reps ||
    a.weightKg !== b.weightKg ||
    a.rpe !== b.rpe ||
    a.durationMs !== b.durationMs ||
    a.repForm.length !== b.repForm.length
  )
    return false;
  for (let i = 0; i < a.repForm.length; i++) if (!sameRep(a.repForm[i]!, b.repForm[i]!)) return false;
  return true;
}

/** Field by field: the app reads the log afresh from the database, so objects are new each time. */
function sameSession(a: LoggedSession, b: LoggedSession): boolean {
  if (a.day !== b.day || a.sets.length !== b.sets.length) return false;
  for (let i = 0; i < a.sets.length; i++) if (!sameSet(a.sets[i]!, b.sets[i]!)) return false;
  return true;
}

const sameSessions = (a: readonly LoggedSession[], b: readonly LoggedSession[]): boolean =>
  a.length === b.length && a.every((s, i) => sameSession(s, b[i]!));

function entryFor(plan: Plan, before: readonly LoggedSession[], profile: PlanProfile): Entry {
  const key = replayKey(plan, profile);
  const found = entries.find((e) => e.key === key);
  const entry =
    found && sameSessions(found.before, before)
      ? found
      : { key, before: before.map(copySession), seeded: seedReplay(plan, before, profile), steps: [] };
  entries = [entry, ...entries.filter((e) => e.key !== key)].slice(0, MAX_ENTRIES);
  return entry;
}

/**
 * {@link replayPlan} that remembers where the replay stood after each session, so the next call
 * replays only from the first session that is new or changed (logging a set replays one session).
 * Sessions are compared field by field against copies, so the result is always the full replay's.
 */
export function replayPlanCached(
  plan: Plan,
  sessions: readonly LoggedSession[],
  profile: PlanProfile,
): PlanReplay {
  const ordered = byDay(sessions);
  const entry = entryFor(
    plan,
    ordered.filter((s) => s.day < plan.startedOn),
    profile,
  );
  const during = ordered.filter((s) => s.day >= plan.startedOn);
  let kept = 0;
  while (
    kept < entry.steps.length &&
    kept < during.length &&
    sameSession(entry.steps[kept]!.session, during[kept]!)
  )
    kept++;
  const steps = entry.steps.slice(0, kept);
  let at = kept ? steps[kept - 1]!.after : entry.seeded;
  for (const session of during.slice(kept)) {
    const copy = copySession(session);
    const step = stepReplay(plan, at, copy, profile);
    steps.push({ session: copy, dayIndex: step.dayIndex, after: step.checkpoint });
    at = step.checkpoint;
  }
  entry.steps = steps;
  return {
    states: new Map(at.states),
    nextDayIndex: at.nextDayIndex,
    planSessions: steps.flatMap((s) =>
      s.dayIndex === null ? [] : [{ day: s.session.day, dayIndex: s.dayIndex }],
    ),
  };
}

/** Forgets every remembered replay (tests and benchmarks measure the first call with it). */
export function clearReplayCache(): void {
  entries = [];
}
