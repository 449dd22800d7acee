import type { ExerciseChoice } from "../../../shared/import";
import { useTranslation } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import type { ExerciseLibrary } from "../library/exercise-data";
import type { Analysis, NameChoices } from "./import-types";
import { NameReviewList } from "./NameReview";
import { kindCount, kindCounts, monthYear, skippedRows, SOURCE_NAMES } from "./words";

/** What the file holds, the names to review, and the button that stores it. */
export function ImportReview(props: {
  analysis: Analysis;
  choices: NameChoices;
  library: ExerciseLibrary | undefined;
  onChoose: (name: string, choice: ExerciseChoice) => void;
  onImport: () => void;
}) {
  const { t } = useTranslation("import");
  const a = props.analysis;
  if (a.kind === "unreadable") return null;
  if (a.kind === "json") {
    return (
      <div className="import-review">
        <p>
          {t("review.json", { counts: kindCounts(a.counts) })}
          {a.invalid > 0 &&
            ` ${t("review.invalid", { count: a.invalid, n: formatNumber(a.invalid), first: a.firstInvalid ?? "" })}`}
        </p>
        <button type="button" onClick={props.onImport}>
          {t("review.importJson")}
        </button>
      </div>
    );
  }
  const skipped = skippedRows(a.skipped);
  const what = {
    source: SOURCE_NAMES[a.source],
    workouts: kindCount("workout", a.workouts),
    sets: kindCount("set", a.sets),
  };
  return (
    <div className="import-review">
      <p>
        {a.firstMs !== null && a.lastMs !== null
          ? t("review.csvSpan", { ...what, first: monthYear(a.firstMs), last: monthYear(a.lastMs) })
          : t("review.csv", what)}{" "}
        {t("review.dates", { format: a.dateFormat })}
        {skipped && ` ${t("review.notImported", { rows: skipped })}`}
      </p>
      <NameReviewList
        names={a.names}
        choices={props.choices}
        library={props.library}
        onChoose={props.onChoose}
      />
      <button type="button" onClick={props.onImport}>
        {t("review.importCsv", { count: a.workouts, n: formatNumber(a.workouts) })}
      </button>
    </div>
  );
}
