import type { SkipReason, NotKept } from "../../../shared/import";
import type { EntityKind } from "../../../shared/schemas/entities";

/** How records of each kind are counted in words. */
const KIND_WORDS: Record<EntityKind, [string, string]> = {
  profile: ["profile", "profiles"],
  workout: ["workout", "workouts"],
  set: ["set", "sets"],
  measurement: ["body measurement", "body measurements"],
  plan: ["plan", "plans"],
  food: ["custom food", "custom foods"],
  mealEntry: ["meal entry", "meal entries"],
  nutritionTargets: ["set of nutrition targets", "sets of nutrition targets"],
};

/** "1 workout", "12,345 sets". */
export const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Counts by kind as a list in words: "3 workouts, 40 sets". */
export function kindCounts(counts: Partial<Record<EntityKind, number>>): string {
  const parts = (Object.entries(counts) as [EntityKind, number][])
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => count(n, ...KIND_WORDS[kind]));
  return parts.length > 0 ? parts.join(", ") : "nothing";
}

const SKIP_WORDS: Record<SkipReason, [string, string]> = {
  rest_timer: ["rest-timer row (not a set)", "rest-timer rows (not sets)"],
  bad_date: ["row whose date could not be read", "rows whose dates could not be read"],
  bad_number: ["row with a number that could not be read", "rows with numbers that could not be read"],
  no_exercise: ["row without an exercise", "rows without an exercise"],
};

/** Rows of the file that were not used, in words. */
export function skippedRows(skipped: Partial<Record<SkipReason, number>>): string[] {
  return (Object.entries(skipped) as [SkipReason, number][]).map(([reason, n]) =>
    count(n, ...SKIP_WORDS[reason]),
  );
}

/** What the file held that Spotter does not keep, in words. */
export function notKeptWords(notKept: NotKept): string[] {
  const out: string[] = [];
  if (notKept.skippedSets) out.push(`${count(notKept.skippedSets, "set", "sets")} left out, as you chose`);
  if (notKept.overflowSets)
    out.push(`${count(notKept.overflowSets, "set", "sets")} past 1,001 in one workout`);
  if (notKept.emptyWorkouts)
    out.push(`${count(notKept.emptyWorkouts, "workout", "workouts")} with no set left`);
  if (notKept.distances)
    out.push(
      `distances of ${count(notKept.distances, "set", "sets")} (Spotter does not record distance yet)`,
    );
  if (notKept.setNotes)
    out.push(`notes on ${count(notKept.setNotes, "set", "sets")} (Spotter keeps notes per workout)`);
  return out;
}

/** "March 2015". */
export const monthYear = (ms: number) =>
  new Date(ms).toLocaleDateString([], { month: "long", year: "numeric" });

/** The source app's name as people know it. */
export const SOURCE_NAMES = { strong: "Strong", hevy: "Hevy" } as const;
