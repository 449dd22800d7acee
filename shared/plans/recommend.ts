import { reasonText } from "./reason-words";
import type { LocalDate, Plan } from "../schemas/plan";
import { DELOAD_PCT, recurringCue, recurringFault } from "./autoregulate";
import { correctiveFor } from "./correctives";
import { addDays, isoWeekday } from "./dates";
import { loadAt } from "./moves";
import { judgeOutcome } from "./outcome";
import { lastOfWeekFor, planWeekOf, slotKey } from "./replay";
import { replayPlanCached } from "./replay-cache";
import { advanceFor, prescribeFor } from "./schemes";
import type { SlotState } from "./state";
import type {
  LiftStatus,
  PlanInput,
  PlanProfile,
  PlannedSession,
  PlanWords,
  Prescription,
  Recommendation,
} from "./types";

/** Days shown after today. */
const WEEK_DAYS = 7;

const corrective = (state: SlotState) => {
  const fault = recurringFault(state);
  return fault ? correctiveFor(fault) : null;
};

function restReason(restS: number, minReps: number): { text: string; words: PlanWords } {
  const rest = restS >= 60 && restS % 60 === 0 ? `${restS / 60} min` : `${restS} s`;
  const kind = minReps <= 5 ? "heavy" : minReps <= 12 ? "medium" : "light";
  const why = {
    heavy: "heavy sets of 5 reps or fewer",
    medium: "sets of 6 to 12 reps",
    light: "light, long sets",
  }[kind];
  return {
    text: `${rest} between sets: the program's rest for ${why}`,
    words: { code: `rest.${kind}`, params: { restS } },
  };
}

function prescribe(
  plan: Plan,
  dayIndex: number,
  states: Map<string, SlotState>,
  profile: PlanProfile,
  planWeek: number,
): Prescription[] {
  return plan.days[dayIndex]!.slots.map((slot) => {
    const state = states.get(slotKey(slot))!;
    const ctx = { slot, profile, planWeek };
    const scheme = prescribeFor(slot.progression, state, ctx);
    const sets = state.deloadNext
      ? scheme.sets.map((set) => ({
          ...set,
          kind: "deload" as const,
          loadKg: set.loadKg === null ? null : loadAt(state.baseKg, DELOAD_PCT, ctx),
        }))
      : scheme.sets;
    const text = state.deloadNext ? `Deload: the same sets at ${DELOAD_PCT} % of the load` : scheme.text;
    const words: PlanWords = state.deloadNext
      ? { code: "sets.deload", params: { pct: DELOAD_PCT } }
      : scheme.words;
    const minReps = Math.min(...sets.map((set) => set.reps));
    const rest = restReason(slot.restS, minReps);
    return {
      exerciseId: slot.exerciseId,
      slot,
      sets,
      restS: slot.restS,
      reasons: {
        load: reasonText(state.reason),
        sets: text,
        rest: rest.text,
        words: { sets: words, rest: rest.words, load: state.reason },
      },
      baseKg: state.baseKg,
      cue: recurringCue(state, slot.exerciseId),
      corrective: corrective(state),
    };
  });
}

/** Moves `states` on as if a session were done exactly as prescribed, to lay out the days after it. */
function assumeDone(
  plan: Plan,
  dayIndex: number,
  states: Map<string, SlotState>,
  exercises: Prescription[],
  profile: PlanProfile,
  sessionsDone: number,
): void {
  const planWeek = planWeekOf(plan, sessionsDone);
  plan.days[dayIndex]!.slots.forEach((slot, i) => {
    const key = slotKey(slot);
    const state = states.get(key)!;
    if (state.baseKg === null || state.deloadNext) {
      states.set(key, { ...state, deloadNext: false });
      return;
    }
    const prescription = exercises[i]!;
    const performed = prescription.sets.map((set) => ({
      exerciseId: slot.exerciseId,
      reps: set.reps,
      weightKg: set.loadKg,
      rpe: null,
      repForm: [],
    }));
    const prescribed = {
      sets: prescription.sets,
      text: prescription.reasons.sets,
      words: prescription.reasons.words.sets,
    };
    const lastOfWeek = lastOfWeekFor(plan, slot, dayIndex, sessionsDone);
    const ctx = { slot, profile, planWeek, lastOfWeek, prescribed };
    states.set(
      key,
      advanceFor(slot.progression, state, judgeOutcome(prescription.sets, performed, null), ctx),
    );
  });
}

function liftStatuses(plan: Plan, states: ReadonlyMap<string, SlotState>): LiftStatus[] {
  const seen = new Set<string>();
  return plan.days
    .flatMap((day) => day.slots)
    .filter((slot) => !seen.has(slotKey(slot)) && seen.add(slotKey(slot)))
    .map((slot) => {
      const state = states.get(slotKey(slot))!;
      const { baseKg, reason, sessions } = state;
      return {
        exerciseId: slot.exerciseId,
        slot,
        baseKg,
        reason: reasonText(reason),
        reasonWords: reason,
        sessions,
        cue: recurringCue(state, slot.exerciseId),
        corrective: corrective(state),
      };
    });
}

/**
 * Today's session and the week ahead for a plan, from the log. Pure and deterministic: the same
 * plan, log, profile and day always give the same sessions and reasons. Days after today assume
 * each session before them goes as prescribed.
 */
export function recommend(input: PlanInput): Recommendation {
  const { plan, profile, today } = input;
  const replay = replayPlanCached(
    plan,
    input.sessions.filter((s) => s.day <= today),
    profile,
  );
  const states = new Map(replay.states);
  let dayIndex = replay.nextDayIndex;
  let sessionsDone = replay.planSessions.length;
  const skipped = new Set(plan.skippedOn);
  const doneToday = replay.planSessions.some((s) => s.day === today);
  const isTrainingDay = (day: LocalDate) => plan.weekdays.includes(isoWeekday(day)) && !skipped.has(day);
  const rest = (date: LocalDate, status: PlannedSession["status"]): PlannedSession => ({
    date,
    status,
    dayIndex: null,
    dayName: null,
    exercises: [],
  });

  const sessionOn = (date: LocalDate): PlannedSession => {
    const exercises = prescribe(plan, dayIndex, states, profile, planWeekOf(plan, sessionsDone));
    return { date, status: "planned", dayIndex, dayName: plan.days[dayIndex]!.name, exercises };
  };
  const moveOn = (session: PlannedSession) => {
    assumeDone(plan, dayIndex, states, session.exercises, profile, sessionsDone);
    dayIndex = (dayIndex + 1) % plan.days.length;
    sessionsDone++;
  };

  let todaySession: PlannedSession;
  if (doneToday) todaySession = rest(today, "done");
  else if (skipped.has(today)) todaySession = rest(today, "skipped");
  else if (isTrainingDay(today)) todaySession = sessionOn(today);
  else todaySession = rest(today, "rest");

  let next: PlannedSession | null = todaySession.status === "planned" ? todaySession : null;
  if (next) moveOn(next);
  const week: PlannedSession[] = [];
  for (let offset = 1; offset <= WEEK_DAYS; offset++) {
    const date = addDays(today, offset);
    if (!isTrainingDay(date)) {
      week.push(rest(date, skipped.has(date) ? "skipped" : "rest"));
      continue;
    }
    const session = sessionOn(date);
    next ??= session;
    week.push(session);
    moveOn(session);
  }
  return { lifts: liftStatuses(plan, replay.states), today: todaySession, next: next ?? todaySession, week };
}
