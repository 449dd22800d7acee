import { useLiveQuery } from "../../db";
import { personalRecordsByPage } from "./records-by-page";
import { useTranslation } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import { displayWeight, type WeightUnit } from "./units";

/** Personal records and estimated one-rep max (Epley) per exercise. */
export function Records(props: { unit: WeightUnit; library: ExerciseLibrary | undefined }) {
  const { t } = useTranslation("log");
  const records = useLiveQuery(() => personalRecordsByPage(), []) ?? [];
  if (records.length === 0) return null;
  return (
    <section aria-label={t("records.label")}>
      <h2>{t("records.title")}</h2>
      <table className="records">
        <thead>
          <tr>
            <th>{t("records.exercise")}</th>
            <th>{t("records.heaviest")}</th>
            <th>{t("records.mostReps")}</th>
            <th>{t("records.oneRepMax")}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.exerciseId}>
              <td>{exerciseName(r.exerciseId, props.library)}</td>
              <td>{displayWeight(r.heaviestKg, props.unit)}</td>
              <td>{formatNumber(r.mostReps)}</td>
              <td>{displayWeight(r.bestEstimatedOneRepMaxKg, props.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
