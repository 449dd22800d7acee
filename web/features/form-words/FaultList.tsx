import type { ExerciseId, FaultId } from "../../../shared/form";
import { useTranslation } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { faultWhyWords } from "./fault-why";
import { faultWord } from "./words";
import "./fault-list.css";

/**
 * A rep's faults in words: each fault's name, and under it why it was called (what was measured
 * and the limit). `measured` gives the value that crossed the limit when it is known (a reviewed
 * file keeps every frame; a live set does not), so the line can say the number.
 */
export function FaultList({
  exerciseId,
  faults,
  measured,
}: {
  exerciseId: ExerciseId;
  /** `count` says how often, for a set's totals. */
  faults: readonly { id: FaultId; count?: number }[];
  measured?: (faultId: FaultId) => number | undefined;
}) {
  const { t } = useTranslation("form");
  if (faults.length === 0) return <span className="muted">{t("faultList.none")}</span>;
  return (
    <ul className="fault-list">
      {faults.map(({ id, count }) => {
        const why = faultWhyWords(exerciseId, id, measured?.(id));
        const name = faultWord(exerciseId, id);
        return (
          <li key={id}>
            <span className="fault-name">
              {count === undefined ? name : t("faultList.times", { name, times: formatNumber(count) })}
            </span>
            {why && <span className="fault-why">{why}</span>}
          </li>
        );
      })}
    </ul>
  );
}
