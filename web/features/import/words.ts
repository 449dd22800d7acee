import type { NotKept, SkipReason } from "../../../shared/import";
import type { EntityKind } from "../../../shared/schemas/entities";
import { currentLanguage, i18n } from "../../i18n";
import { formatDate, formatNumber } from "../../i18n/format";

type CountedKey = `counts.${EntityKind}` | `skipped.${SkipReason}` | `notKept.${keyof NotKept}`;

/** Counted words in the catalogue: the key's plural picks the form, `n` is the number as written. */
const counted = (key: CountedKey, n: number) => i18n.t(key, { ns: "import", count: n, n: formatNumber(n) });

/** "1 workout", "12,345 sets" (German: "12.345 Sätze"). */
export const kindCount = (kind: EntityKind, n: number) => counted(`counts.${kind}`, n);

/** Parts of a count listed the way a language lists measures: "3 workouts, 40 sets". */
const list = (parts: string[]) =>
  new Intl.ListFormat(currentLanguage(), { type: "unit", style: "short" }).format(parts);

/** Counts by kind as a list in words: "3 workouts, 40 sets", or "nothing". */
export function kindCounts(counts: Partial<Record<EntityKind, number>>): string {
  const parts = (Object.entries(counts) as [EntityKind, number][])
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => kindCount(kind, n));
  return parts.length > 0 ? list(parts) : i18n.t("import:counts.nothing");
}

/** Rows of the file that were not used, in words. */
export function skippedRows(skipped: Partial<Record<SkipReason, number>>): string | null {
  const parts = (Object.entries(skipped) as [SkipReason, number][]).map(([reason, n]) =>
    counted(`skipped.${reason}`, n),
  );
  return parts.length > 0 ? list(parts) : null;
}

const NOT_KEPT_ORDER = ["skippedSets", "overflowSets", "emptyWorkouts", "distances", "setNotes"] as const;

/** What the file held that Spotter does not keep, in words ("; " between, as they carry commas). */
export function notKeptWords(notKept: NotKept): string | null {
  const parts = NOT_KEPT_ORDER.filter((k) => notKept[k] > 0).map((k) => counted(`notKept.${k}`, notKept[k]));
  return parts.length > 0 ? parts.join("; ") : null;
}

/** "March 2015" / "März 2015". */
export const monthYear = (ms: number) => formatDate(ms, { month: "long", year: "numeric" });

/** The source app's name as people know it (a product name: the same in every language). */
export const SOURCE_NAMES = { strong: "Strong", hevy: "Hevy" } as const;
