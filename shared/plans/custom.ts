import { words, type ReasonWords } from "./reason-words";
import * as v from "valibot";
import type { Exercise } from "../schemas/exercise";
import { PlanSchema, type LocalDate, type Plan, type PlanSlot, type Progression } from "../schemas/plan";
import { loadKindFor } from "./swap";

/** The progressions a person can pick for a lift of their own plan (GZCLP by tier). */
export const PROGRESSION_CHOICES = [
  "linear",
  "double",
  "rep_sum",
  "wave_531",
  "gzclp_t1",
  "gzclp_t2",
  "rir_meso",
] as const;
export type ProgressionChoice = (typeof PROGRESSION_CHOICES)[number];

/** What each choice is called and does, in words. */
export const PROGRESSION_LABELS: Record<ProgressionChoice, string> = {
  linear: "Linear: more load each time every set is made",
  double: "Double progression: more load once every set reaches the top of the range",
  rep_sum: "Rep sum: more load once the sets add up to sets × top reps",
  wave_531: "5/3/1 waves on a training max, with Boring But Big 5×10",
  gzclp_t1: "GZCLP tier 1: 5×3+ → 6×2+ → 10×1+",
  gzclp_t2: "GZCLP tier 2: 3×10 → 3×8 → 3×6",
  rir_meso: "RIR mesocycle: 3 → 2 → 1 → 0 reps in reserve a week, then a deload",
};

/** Choices whose sets and reps come from the program itself, not from the person. */
export const FIXED_SCHEME: ReadonlySet<ProgressionChoice> = new Set(["wave_531", "gzclp_t1", "gzclp_t2"]);

/** One lift of a plan being built by hand. Loads in kg; `startKg` null starts from the first session. */
export interface LiftDraft {
  exerciseId: string;
  /** The lift's name as people read it, for messages. */
  name: string;
  load: PlanSlot["load"];
  progression: ProgressionChoice;
  sets: number;
  /** Reps a set, or the bottom of the range. */
  reps: number;
  /** Top of the range (double progression, rep sum). */
  repsMax: number;
  startKg: number | null;
  incrementKg: number;
  restS: number;
}

export interface DayDraft {
  name: string;
  lifts: LiftDraft[];
}

/** A plan being built by hand: its name, training weekdays (1 = Monday) and days in rotation. */
export interface PlanDraft {
  name: string;
  weekdays: number[];
  days: DayDraft[];
}

/** A lift as first added: 3×8–12 double progression, 2.5 kg steps when it takes load. */
export function liftDraft(exercise: Exercise): LiftDraft {
  const load = loadKindFor(exercise.equipment);
  return {
    exerciseId: exercise.id,
    name: exercise.name,
    load,
    progression: "double",
    sets: 3,
    reps: 8,
    repsMax: 12,
    startKg: null,
    incrementKg: load === "bodyweight" ? 0 : 2.5,
    restS: 90,
  };
}

/** The plan schema's progression for a drafted lift. */
export function progressionOf(lift: LiftDraft): Progression {
  const { sets, reps, repsMax, incrementKg } = lift;
  switch (lift.progression) {
    case "linear":
      return { kind: "linear", sets, reps, incrementKg, attempts: 3, resetPct: 90 };
    case "double":
      return { kind: "double", sets, minReps: reps, maxReps: repsMax, incrementKg };
    case "rep_sum":
      return { kind: "rep_sum", sets, targetReps: sets * repsMax, incrementKg };
    case "wave_531":
      return { kind: "wave_531", incrementKg, bbb: true };
    case "gzclp_t1":
      return { kind: "gzclp", tier: "t1", incrementKg };
    case "gzclp_t2":
      return { kind: "gzclp", tier: "t2", incrementKg };
    case "rir_meso":
      return { kind: "rir_meso", sets, reps, incrementKg };
  }
}

const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** What is wrong with one drafted lift, as words; empty when it can be saved. */
export function liftProblems(draft: LiftDraft): ReasonWords[] {
  const problems: ReasonWords[] = [];
  const lift = draft.name;
  const fixed = FIXED_SCHEME.has(draft.progression);
  if (!fixed && !whole(draft.sets, 1, 20)) problems.push(words("problem.sets", { lift }));
  if (!fixed && !whole(draft.reps, 1, 100)) problems.push(words("problem.reps", { lift }));
  const ranged = draft.progression === "double" || draft.progression === "rep_sum";
  if (ranged && !whole(draft.repsMax, 1, 100)) problems.push(words("problem.repsMax", { lift }));
  else if (ranged && draft.repsMax < draft.reps)
    problems.push(words("problem.rangeInverted", { lift, top: draft.repsMax, bottom: draft.reps }));
  if (draft.startKg !== null && !(draft.startKg >= 0 && draft.startKg <= 1000))
    problems.push(words("problem.startKg", { lift }));
  if (!(draft.incrementKg >= 0 && draft.incrementKg <= 50)) problems.push(words("problem.step", { lift }));
  return problems;
}

/** What stops a draft from being a plan, as words; empty when it can be saved. */
export function draftProblems(draft: PlanDraft): ReasonWords[] {
  const problems: ReasonWords[] = [];
  if (!draft.name.trim()) problems.push(words("problem.name"));
  if (draft.weekdays.length === 0) problems.push(words("problem.weekdays"));
  if (draft.days.length === 0) problems.push(words("problem.noDays"));
  draft.days.forEach((day, i) => {
    const name = day.name.trim();
    if (!name) problems.push(words("problem.dayName", { day: i + 1 }));
    if (day.lifts.length === 0)
      problems.push(
        name ? words("problem.dayEmpty", { name }) : words("problem.unnamedDayEmpty", { day: i + 1 }),
      );
    if (day.lifts.length > 20)
      problems.push(
        name ? words("problem.dayFull", { name }) : words("problem.unnamedDayFull", { day: i + 1 }),
      );
    problems.push(...day.lifts.flatMap(liftProblems));
  });
  return problems;
}

/** A plan the schema refuses, as words (drafts are checked first, so this is a last guard). */
export const invalidPlan = (issues: readonly { message: string }[]): ReasonWords[] =>
  issues.map((i) => words("problem.invalid", { detail: i.message }));

/**
 * A new active custom plan from a draft, checked against the plan schema as any synced plan is;
 * or what is wrong with the draft, in words.
 */
export function customPlan(
  draft: PlanDraft,
  input: { id: string; startedOn: LocalDate; nowMs: number },
): { ok: true; plan: Plan } | { ok: false; problems: ReasonWords[] } {
  const problems = draftProblems(draft);
  if (problems.length) return { ok: false, problems };
  const plan: Plan = {
    id: input.id,
    name: draft.name.trim(),
    programId: null,
    startedOn: input.startedOn,
    weekdays: [...new Set(draft.weekdays)].sort((a, b) => a - b),
    days: draft.days.map((day) => ({
      name: day.name.trim(),
      slots: day.lifts.map((lift) => ({
        exerciseId: lift.exerciseId,
        load: lift.load,
        progression: progressionOf(lift),
        startKg: lift.startKg,
        restS: lift.restS,
      })),
    })),
    skippedOn: [],
    active: true,
    updatedAt: input.nowMs,
  };
  const checked = v.safeParse(PlanSchema, plan);
  if (!checked.success) return { ok: false, problems: invalidPlan(checked.issues) };
  return { ok: true, plan: checked.output };
}
