import { FAULT_IDS, type FrameVerdict, type SetSummary } from "../../../shared/form/types";
import { faultMeasurement } from "../../../shared/form/fault-evidence";
import { useTranslation } from "../../i18n";
import { formatDecimal, formatNumber } from "../../i18n/format";
import { FaultList } from "../form-words/FaultList";
import { ViewAdvice } from "../form-words/ViewAdvice";
import { SaveToLog } from "./SaveToLog";
import { ShareSet } from "./ShareSet";

const seconds = (ms: number) => formatDecimal(ms / 1000, 1);
// The set's totals say the worst a fault measured anywhere in the set.
const WHOLE_SET = { startMs: -Infinity, endMs: Infinity };

/**
 * The set just finished: reps, each rep's score and tempo, the faults in words with why each was
 * called, and saving it to the log.
 */
export function SetSummaryView({
  summary,
  verdicts,
}: {
  summary: SetSummary;
  verdicts: readonly FrameVerdict[];
}) {
  const { t } = useTranslation("train");
  const { exerciseId } = summary;
  const faults = FAULT_IDS.flatMap((id) => {
    const count = summary.faultCounts[id];
    return count ? [{ id, count }] : [];
  });
  // A posture kept through the set (a sag from the first frame) is a fault even when no rep carries it.
  const held = summary.heldFaults.filter((id) => summary.faultCounts[id] === undefined);
  return (
    <section className="train-summary" aria-label={t("summary.label")} data-testid="set-summary">
      <h2>
        {t("summary.reps", { count: summary.reps })}
        {summary.partialReps > 0 && (
          <span className="muted"> {t("summary.partial", { count: summary.partialReps })}</span>
        )}
        {summary.averageScore !== null && (
          <span className="muted">
            {" "}
            · {t("summary.score", { score: formatNumber(Math.round(summary.averageScore)) })}
          </span>
        )}
      </h2>
      <table>
        <thead>
          <tr>
            <th>{t("summary.rep")}</th>
            <th>{t("summary.repScore")}</th>
            <th>{t("summary.tempo")}</th>
            <th>{t("summary.faults")}</th>
          </tr>
        </thead>
        <tbody>
          {summary.repResults.map((rep) => (
            <tr
              key={rep.index}
              data-partial={rep.partial}
              data-faults={rep.faults.map((f) => f.id).join(" ")}
            >
              <td>
                {rep.partial
                  ? t("summary.partialRep", { number: formatNumber(rep.index + 1) })
                  : formatNumber(rep.index + 1)}
              </td>
              <td>{formatNumber(Math.round(rep.score))}</td>
              <td>
                {seconds(rep.tempoMs.away)} / {seconds(rep.tempoMs.return)}
              </td>
              <td>
                <FaultList
                  exerciseId={exerciseId}
                  faults={rep.faults}
                  measured={(id) => faultMeasurement(exerciseId, id, rep, verdicts)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {faults.length > 0 && (
        <div>
          <h3>{t("summary.setFaults")}</h3>
          <FaultList
            exerciseId={exerciseId}
            faults={faults}
            measured={(id) => faultMeasurement(exerciseId, id, WHOLE_SET, verdicts)}
          />
        </div>
      )}
      {held.length > 0 && (
        <div>
          <h3>{t("summary.held")}</h3>
          <FaultList
            exerciseId={exerciseId}
            faults={held.map((id) => ({ id }))}
            measured={(id) => faultMeasurement(exerciseId, id, WHOLE_SET, verdicts)}
          />
        </div>
      )}
      <ViewAdvice exerciseId={exerciseId} verdicts={verdicts} />
      <SaveToLog summary={summary} />
      <ShareSet summary={summary} />
    </section>
  );
}

export default SetSummaryView;
