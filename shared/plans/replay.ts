import type { Plan, PlanSlot } from "../schemas/plan";
import { coachIdFor } from "../schemas/exercise";
import { afterDeload, autoregulate } from "./autoregulate";
import { judgeOutcome } from "./outcome";
import { advanceFor, prescribeFor } from "./schemes";
import { seedFromSession, seedState } from "./seed";
import type { SlotState } from "./state";
import type { LoggedSession, LoggedSet, PlanProfile } from "./types";

/** Where every lift of a plan stands after the log, and which day of the rotation comes next. */
export interface PlanReplay {
  /** Per lift, by {@link slotKey}: a lift on several days with one progression is one lift. */
  states: Map<string, SlotState>;
  nextDayIndex: number;
  /** Days of the log that counted as plan sessions, with the plan day each one was. */
  planSessions: { day: string; dayIndex: number }[];
}

/**
 * The replay between two sessions: enough to carry on from there. Never changed once made, so a
 * cache can keep one per session and resume from it.
 */
export interface ReplayCheckpoint {
  readonly states: ReadonlyMap<string, SlotState>;
  /** Per exercise, the range of motion of its last reps (at most {@link RANGE_WINDOW}), oldest first. */
  readonly ranges: ReadonlyMap<string, readonly number[]>;
  readonly nextDayIndex: number;
  /** Plan sessions replayed so far. */
  readonly sessionsDone: number;
}

/** Reps of range kept per exercise to judge a session against the person's own usual range. */
const RANGE_WINDOW = 50;

/** Slots with the same exercise, loading and progression are one lift, whatever day they are on. */
export function slotKey(slot: PlanSlot): string {
  let key = slotKeys.get(slot);
  if (key === undefined) {
    key = `${slot.exerciseId}|${slot.load}|${JSON.stringify(slot.progression)}`;
    slotKeys.set(slot, key);
  }
  return key;
}
// Keys are asked for on every session of a replay; slots are not changed once made.
const slotKeys = new WeakMap<PlanSlot, string>();

/** A logged set counts for a slot when it is the same exercise, or the camera's name for it. */
export const countsFor = (slot: PlanSlot, set: LoggedSet): boolean =>
  set.exerciseId === slot.exerciseId || set.exerciseId === coachIdFor(slot.exerciseId);

/** Which plan day a logged session was: the expected one if it did any of its lifts, else the best match. */
function dayOf(plan: Plan, session: LoggedSession, expected: number): number | null {
  const done = new Set(session.sets.map((set) => set.exerciseId));
  const overlaps = plan.days.map(
    (day) =>
      day.slots.filter((s) => done.has(s.exerciseId) || done.has(coachIdFor(s.exerciseId) ?? "")).length,
  );
  if (overlaps[expected]! > 0) return expected;
  let best: number | null = null;
  overlaps.forEach((n, i) => {
    if (n > 0 && (best === null || n > overlaps[best]!)) best = i;
  });
  return best;
}

/** The median of the person's recent ranges on an exercise, or null before any was recorded. */
function usualRange(ranges: ReadonlyMap<string, readonly number[]>, exerciseId: string): number | null {
  const values = ranges.get(exerciseId);
  if (!values?.length) return null;
  return Float64Array.from(values).sort()[values.length >> 1]!;
}

function withRanges(
  ranges: Map<string, readonly number[]>,
  exerciseId: string,
  sets: readonly LoggedSet[],
): void {
  const values = [...(ranges.get(exerciseId) ?? [])];
  const before = values.length;
  for (const set of sets)
    for (const rep of set.repForm) if (rep.romRatio !== undefined) values.push(rep.romRatio);
  if (values.length > before) ranges.set(exerciseId, values.slice(-RANGE_WINDOW));
}

/** The plan's training week of the session after `sessionsDone` plan sessions. */
export const planWeekOf = (plan: Plan, sessionsDone: number): number =>
  Math.floor(sessionsDone / plan.weekdays.length);

/**
 * True when the session `sessionsDone` (plan day `dayIndex`) is the last of `slot`'s lift in its
 * plan week: the next plan day with the same lift, in rotation, falls in a later week.
 */
export function lastOfWeekFor(plan: Plan, slot: PlanSlot, dayIndex: number, sessionsDone: number): boolean {
  const key = slotKey(slot);
  const days = plan.days.length;
  for (let ahead = 1; ahead < days; ahead++) {
    if (plan.days[(dayIndex + ahead) % days]!.slots.some((s) => slotKey(s) === key))
      return planWeekOf(plan, sessionsDone + ahead) > planWeekOf(plan, sessionsDone);
  }
  return planWeekOf(plan, sessionsDone + days) > planWeekOf(plan, sessionsDone);
}

/** Sorts sessions by day, keeping the given order within a day. */
export const byDay = (sessions: readonly LoggedSession[]): LoggedSession[] =>
  [...sessions].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));

/** Where the lifts stand when the plan starts: its own loads, else seeded from the log before it. */
export function seedReplay(
  plan: Plan,
  before: readonly LoggedSession[],
  profile: PlanProfile,
): ReplayCheckpoint {
  const sets = before.flatMap((s) => s.sets);
  const states = new Map<string, SlotState>();
  for (const slot of plan.days.flatMap((day) => day.slots)) {
    if (states.has(slotKey(slot))) continue;
    states.set(
      slotKey(slot),
      seedState(
        slot,
        sets.filter((set) => countsFor(slot, set)),
        profile,
      ),
    );
  }
  return { states, ranges: new Map(), nextDayIndex: 0, sessionsDone: 0 };
}

/**
 * One session of the log on from `at`: matched to a plan day, each lift of that day that was
 * done moves on by its progression and the form gate. `dayIndex` is null when the session did
 * none of the plan's lifts (then nothing changes).
 */
export function stepReplay(
  plan: Plan,
  at: ReplayCheckpoint,
  session: LoggedSession,
  profile: PlanProfile,
): { checkpoint: ReplayCheckpoint; dayIndex: number | null } {
  const dayIndex = dayOf(plan, session, at.nextDayIndex);
  if (dayIndex === null) return { checkpoint: at, dayIndex };
  const states = new Map(at.states);
  const ranges = new Map(at.ranges);
  for (const slot of plan.days[dayIndex]!.slots) {
    const performed = session.sets.filter((set) => countsFor(slot, set));
    if (performed.length === 0) continue;
    const key = slotKey(slot);
    states.set(
      key,
      advanceSlot(
        slot,
        states.get(key)!,
        performed,
        {
          profile,
          planWeek: planWeekOf(plan, at.sessionsDone),
          lastOfWeek: lastOfWeekFor(plan, slot, dayIndex, at.sessionsDone),
        },
        usualRange(ranges, slot.exerciseId),
      ),
    );
    withRanges(ranges, slot.exerciseId, performed);
  }
  const nextDayIndex = (dayIndex + 1) % plan.days.length;
  return { checkpoint: { states, ranges, nextDayIndex, sessionsDone: at.sessionsDone + 1 }, dayIndex };
}

/**
 * Replays the log through the plan: each session after the plan started is matched to a plan day,
 * and each lift that was actually done moves on by its progression and the form gate. Lifts left
 * out of a session, and days with no session, change nothing. Replays the whole log on every call;
 * `recommend` uses {@link replayPlanCached}, which gives the same result.
 */
export function replayPlan(plan: Plan, sessions: readonly LoggedSession[], profile: PlanProfile): PlanReplay {
  const ordered = byDay(sessions);
  let at = seedReplay(
    plan,
    ordered.filter((s) => s.day < plan.startedOn),
    profile,
  );
  const planSessions: PlanReplay["planSessions"] = [];
  for (const session of ordered.filter((s) => s.day >= plan.startedOn)) {
    const step = stepReplay(plan, at, session, profile);
    if (step.dayIndex !== null) planSessions.push({ day: session.day, dayIndex: step.dayIndex });
    at = step.checkpoint;
  }
  return { states: new Map(at.states), nextDayIndex: at.nextDayIndex, planSessions };
}

function advanceSlot(
  slot: PlanSlot,
  state: SlotState,
  performed: readonly LoggedSet[],
  { profile, planWeek, lastOfWeek }: { profile: PlanProfile; planWeek: number; lastOfWeek: boolean },
  usualRom: number | null,
): SlotState {
  let counted = { ...state, sessions: state.sessions + 1 };
  if (slot.load === "bodyweight") return counted;
  if (counted.baseKg === null) {
    // The first session sets the load; it then counts like any other (5/3/1 waits for its next week).
    counted = seedFromSession(counted, slot, performed, profile);
    if (counted.baseKg === null || slot.progression.kind === "wave_531") return counted;
  }
  const prescribed = prescribeFor(slot.progression, counted, { slot, profile, planWeek });
  const ctx = { slot, profile, planWeek, lastOfWeek, prescribed };
  if (counted.deloadNext) return afterDeload(counted, ctx);
  const outcome = judgeOutcome(prescribed.sets, performed, usualRom);
  return autoregulate(counted, advanceFor(slot.progression, counted, outcome, ctx), outcome, ctx);
}
