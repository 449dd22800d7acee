import type { PrescribedSet } from "../../../shared/plans";
import { displayWeight, type WeightUnit } from "../log/units";

/** A day for people: "Mon 2 Nov". */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString([], { weekday: "short", day: "numeric", month: "short" });
}

/** Sets grouped as people read them: "3 × 5 at 100 kg, 1 × 5+ at 100 kg". */
export function describeSets(sets: readonly PrescribedSet[], unit: WeightUnit): string {
  const groups: { count: number; set: PrescribedSet }[] = [];
  for (const set of sets) {
    const last = groups.at(-1);
    const same =
      last &&
      last.set.reps === set.reps &&
      last.set.repsMax === set.repsMax &&
      last.set.loadKg === set.loadKg &&
      last.set.kind === set.kind &&
      last.set.rir === set.rir;
    if (same) last.count += 1;
    else groups.push({ count: 1, set });
  }
  return groups
    .map(({ count, set }) => {
      const reps =
        set.repsMax !== undefined
          ? `${set.reps}–${set.repsMax}`
          : `${set.reps}${set.kind === "amrap" ? "+" : ""}`;
      const load = set.loadKg === null ? "" : ` at ${displayWeight(set.loadKg, unit)}`;
      const rir = set.rir === undefined ? "" : `, ${set.rir} in reserve`;
      return `${count} × ${reps}${load}${rir}`;
    })
    .join(", ");
}
