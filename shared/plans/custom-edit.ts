import * as v from "valibot";
import { PlanSchema, type Plan, type PlanSlot } from "../schemas/plan";
import { invalidPlan, liftProblems, progressionOf, type LiftDraft, type ProgressionChoice } from "./custom";
import { words, type ReasonWords } from "./reason-words";

const choiceOf = (slot: PlanSlot): ProgressionChoice => {
  const p = slot.progression;
  return p.kind === "gzclp" ? (p.tier === "t1" ? "gzclp_t1" : "gzclp_t2") : p.kind;
};

/** A lift of a plan as the builder edits it: its progression, sets, reps, starting load and step. */
export function draftFromSlot(slot: PlanSlot, name: string): LiftDraft {
  const p = slot.progression;
  const base = {
    exerciseId: slot.exerciseId,
    name,
    load: slot.load,
    progression: choiceOf(slot),
    startKg: slot.startKg,
    incrementKg: p.incrementKg,
    restS: slot.restS,
  };
  switch (p.kind) {
    case "linear":
    case "rir_meso":
      return { ...base, sets: p.sets, reps: p.reps, repsMax: p.reps };
    case "double":
      return { ...base, sets: p.sets, reps: p.minReps, repsMax: p.maxReps };
    case "rep_sum": {
      const top = Math.ceil(p.targetReps / p.sets);
      return { ...base, sets: p.sets, reps: top, repsMax: top };
    }
    default:
      return { ...base, sets: 3, reps: 5, repsMax: 5 };
  }
}

/** The slot `draft` describes; what the builder does not show (attempts, reset, BBB) is kept. */
function slotFromDraft(slot: PlanSlot, draft: LiftDraft): PlanSlot {
  const progression = progressionOf(draft);
  const kept =
    progression.kind === "linear" && slot.progression.kind === "linear"
      ? { ...progression, attempts: slot.progression.attempts, resetPct: slot.progression.resetPct }
      : progression.kind === "wave_531" && slot.progression.kind === "wave_531"
        ? { ...progression, bbb: slot.progression.bbb }
        : progression;
  return { ...slot, progression: kept, startKg: draft.startKg };
}

/**
 * The plan with lift `slotIndex` of day `dayIndex` changed as `draft` says, checked as a saved plan
 * is; or what is wrong, in words. Its load and progress are then replayed from the log by the new
 * scheme, like any plan.
 */
export function editLift(
  plan: Plan,
  dayIndex: number,
  slotIndex: number,
  draft: LiftDraft,
): { ok: true; plan: Plan } | { ok: false; problems: ReasonWords[] } {
  const slot = plan.days[dayIndex]?.slots[slotIndex];
  if (!slot) return { ok: false, problems: [words("problem.liftGone")] };
  const problems = liftProblems(draft);
  if (problems.length) return { ok: false, problems };
  const days = plan.days.map((day, i) =>
    i === dayIndex
      ? { ...day, slots: day.slots.map((s, j) => (j === slotIndex ? slotFromDraft(s, draft) : s)) }
      : day,
  );
  const checked = v.safeParse(PlanSchema, { ...plan, days });
  if (!checked.success) return { ok: false, problems: invalidPlan(checked.issues) };
  return { ok: true, plan: checked.output };
}
