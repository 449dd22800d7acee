import type { LocalDate, Plan, PlanSlot, Progression } from "../schemas/plan";
import { addDays } from "./dates";
import { recommend } from "./recommend";
import type { LoggedRep, LoggedSession, LoggedSet, PlanProfile, Prescription, PrescribedSet } from "./types";

/** Fixtures for the plan engine's tests: one-lift plans and logged sessions. */
export const PLAN_ID = "01937a2b-8c4d-7e5f-9a6b-1c2d3e4f5a6b";
export const MONDAY: LocalDate = "2026-11-02";

/** A plan of one day with one lift, trained every day from {@link MONDAY}. */
export function oneLiftPlan(
  exerciseId: string,
  progression: Progression,
  startKg: number | null,
  load: PlanSlot["load"] = "barbell",
): Plan {
  return {
    id: PLAN_ID,
    name: "Test",
    programId: null,
    startedOn: MONDAY,
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    days: [{ name: "Day", slots: [{ exerciseId, load, progression, startKg, restS: 120 }] }],
    skippedOn: [],
    active: true,
    updatedAt: 1,
  };
}

export const cleanRep: LoggedRep = { score: 90, faults: [] };

/** Sets logged exactly as prescribed, optionally with camera form on every rep. */
export function doneAsPrescribed(
  exerciseId: string,
  sets: readonly PrescribedSet[],
  rep: LoggedRep | null = null,
): LoggedSet[] {
  return sets.map((set) => ({
    exerciseId,
    reps: set.reps,
    weightKg: set.loadKg,
    rpe: null,
    repForm: rep ? Array.from({ length: set.reps }, () => rep) : [],
  }));
}

/** A session on day `index` after {@link MONDAY}. */
export const sessionOn = (index: number, sets: LoggedSet[]): LoggedSession => ({
  day: addDays(MONDAY, index),
  sets,
});

/** What the person does with a day's prescription: the sets they log, or null to skip the lift. */
export type Doing = (sets: readonly PrescribedSet[], exerciseId: string) => LoggedSet[] | null;

/**
 * Trains a one-lift plan day by day: each day asks the engine for today's prescription, then logs
 * what `doing` says. Returns every day's prescription and the one after the last day.
 */
export function drive(
  plan: Plan,
  days: readonly Doing[],
  profile: PlanProfile = { units: "kg" },
): Prescription[] {
  const sessions: LoggedSession[] = [];
  const seen: Prescription[] = [];
  for (let i = 0; i <= days.length; i++) {
    const today = recommend({ plan, sessions, profile, today: addDays(MONDAY, i) }).today;
    const prescription = today.exercises[0]!;
    seen.push(prescription);
    const sets = i < days.length ? days[i]!(prescription.sets, prescription.exerciseId) : null;
    if (sets) sessions.push(sessionOn(i, sets));
  }
  return seen;
}

/** Does every set as prescribed, with clean camera form. */
export const made: Doing = (sets, id) => doneAsPrescribed(id, sets, cleanRep);
/** Does every set but one rep short on the last. */
export const missedLast: Doing = (sets, id) =>
  doneAsPrescribed(id, sets, cleanRep).map((set, i, all) =>
    i === all.length - 1 ? { ...set, reps: set.reps - 1 } : set,
  );
/** Makes every rep but with a fault on each one. */
export const faulty =
  (fault: string, score = 60): Doing =>
  (sets, id) =>
    doneAsPrescribed(id, sets, { score, faults: [fault] });
