import type { PrescribedSet } from "../../../shared/plans";
import { i18n } from "../../i18n";
import { formatDate, formatWeight } from "../../i18n/format";
import type { WeightUnit } from "../log/units";

/** A day for people, in the language on screen: "Mon, Nov 2" / "Mo., 2. Nov.". */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return formatDate(new Date(y, m - 1, d), { weekday: "short", day: "numeric", month: "short" });
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
  const parts = groups.map(({ count, set }) => {
    const reps =
      set.repsMax !== undefined
        ? `${set.reps}–${set.repsMax}`
        : `${set.reps}${set.kind === "amrap" ? "+" : ""}`;
    const text =
      set.loadKg === null
        ? i18n.t("plan:sets.group", { count, reps })
        : i18n.t("plan:sets.groupAt", { count, reps, load: formatWeight(set.loadKg, unit) });
    return set.rir === undefined ? text : i18n.t("plan:sets.inReserve", { sets: text, rir: set.rir });
  });
  return parts.join(", ");
}
