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

/** Per exercise, the range of motion of recent reps, so a session is judged against the person's own. */
class RangeHistory {
  private readonly byExercise = new Map<string, number[]>();
  usual(exerciseId: string): number | null {
    const values = this.byExercise.get(exerciseId);
    if (!values?.length) return null;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[sorted.length >> 1]!;
  }
  add(exerciseId: string, sets: readonly LoggedSet[]): void {
    const values = sets.flatMap((set) =>
      set.repForm.flatMap((rep) => (rep.romRatio === undefined ? [] : [rep.romRatio])),
    );
    if (values.length)
      this.byExercise.set(exerciseId, [...(this.byExercise.get(exerciseId) ?? []), ...values].slice(-50));
  }
}

/**
 * Replays the log through the plan: each session after the plan started is matched to a plan day,
 * and each lift that was actually done moves on by its progression and the form gate. Lifts left
 * out of a session, and days with no session, change nothing.
 */
export function replayPlan(plan: Plan, sessions: readonly LoggedSession[], profile: PlanProfile): PlanReplay {
  const ordered = [...sessions].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const before = ordered.filter((s) => s.day < plan.startedOn).flatMap((s) => s.sets);
  const states = new Map<string, SlotState>();
  for (const slot of plan.days.flatMap((day) => day.slots)) {
    if (states.has(slotKey(slot))) continue;
    states.set(
      slotKey(slot),
      seedState(
        slot,
        before.filter((set) => countsFor(slot, set)),
        profile,
      ),
    );
  }
  const ranges = new RangeHistory();
  const planSessions: PlanReplay["planSessions"] = [];
  let nextDayIndex = 0;
  for (const session of ordered.filter((s) => s.day >= plan.startedOn)) {
    const dayIndex = dayOf(plan, session, nextDayIndex);
    if (dayIndex === null) continue;
    planSessions.push({ day: session.day, dayIndex });
    nextDayIndex = (dayIndex + 1) % plan.days.length;
    for (const slot of plan.days[dayIndex]!.slots) {
      const performed = session.sets.filter((set) => countsFor(slot, set));
      if (performed.length === 0) continue;
      const key = slotKey(slot);
      states.set(key, advanceSlot(slot, states.get(key)!, performed, profile, ranges.usual(slot.exerciseId)));
      ranges.add(slot.exerciseId, performed);
    }
  }
  return { states, nextDayIndex, planSessions };
}

function advanceSlot(
  slot: PlanSlot,
  state: SlotState,
  performed: readonly LoggedSet[],
  profile: PlanProfile,
  usualRom: number | null,
): SlotState {
  let counted = { ...state, sessions: state.sessions + 1 };
  if (slot.load === "bodyweight") return counted;
  if (counted.baseKg === null) {
    // The first session sets the load; it then counts like any other (5/3/1 waits for its next week).
    counted = seedFromSession(counted, slot, performed, profile);
    if (counted.baseKg === null || slot.progression.kind === "wave_531") return counted;
  }
  const prescribed = prescribeFor(slot.progression, counted, { slot, profile });
  const ctx = { slot, profile, prescribed };
  if (counted.deloadNext) return afterDeload(counted, ctx);
  const outcome = judgeOutcome(prescribed.sets, performed, usualRom);
  return autoregulate(counted, advanceFor(slot.progression, counted, outcome, ctx), outcome, ctx);
}
