import type { Equipment } from "../schemas/profile";
import type { Exercise } from "../schemas/exercise";
import type { Plan, PlanSlot } from "../schemas/plan";

/** How a library exercise is loaded, from its equipment. */
export function loadKindFor(equipment: Equipment | null): PlanSlot["load"] {
  switch (equipment) {
    case "barbell":
    case "e-z curl bar":
      return "barbell";
    case "dumbbell":
    case "kettlebells":
      return "dumbbell";
    case "cable":
    case "machine":
      return "machine";
    default:
      return "bodyweight";
  }
}

const loaded = (e: Exercise) => loadKindFor(e.equipment) !== "bodyweight";
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((m) => b.includes(m));

/**
 * Exercises that can stand in for `original`: the same primary muscles, a strength exercise, with
 * equipment the person has (any, when they listed none). Best first: the same mechanic and force,
 * ones the camera can coach, loadable ones for a loaded lift, more shared secondary muscles.
 */
export function swapCandidates(
  original: Exercise,
  library: readonly Exercise[],
  owned: readonly Equipment[],
  limit = 5,
): Exercise[] {
  const usable = (e: Exercise) =>
    owned.length === 0 || e.equipment === null || e.equipment === "body only" || owned.includes(e.equipment);
  const score = (e: Exercise) =>
    (e.mechanic === original.mechanic ? 4 : 0) +
    (e.force === original.force ? 2 : 0) +
    (e.coachId !== null ? 1 : 0) +
    // A loaded lift should stay loadable, so it can keep progressing.
    (loaded(original) && loaded(e) ? 1.5 : 0) +
    e.secondaryMuscles.filter((m) => original.secondaryMuscles.includes(m)).length * 0.5;
  return library
    .filter(
      (e) =>
        e.id !== original.id &&
        e.category === "strength" &&
        sameSet(e.primaryMuscles, original.primaryMuscles) &&
        usable(e),
    )
    .map((e) => ({ e, s: score(e) }))
    .sort((a, b) => b.s - a.s || a.e.name.localeCompare(b.e.name))
    .slice(0, limit)
    .map(({ e }) => e);
}

/**
 * The plan with every slot of `fromId` doing `to` instead. The new lift starts afresh (its load comes
 * from the log's estimated 1RM, or its first session), since a load does not carry between exercises.
 */
export function swapExercise(plan: Plan, fromId: string, to: Exercise): Plan {
  return {
    ...plan,
    days: plan.days.map((day) => ({
      ...day,
      slots: day.slots.map((slot) =>
        slot.exerciseId === fromId
          ? { ...slot, exerciseId: to.id, load: loadKindFor(to.equipment), startKg: null }
          : slot,
      ),
    })),
  };
}
