import { EXERCISES, type ExerciseId, type FrameVerdict, type RepResult } from "../../../shared/form";
import { faultMeasurement } from "../../../shared/form/fault-evidence";
import { useTranslation } from "../../i18n";
import { formatNumber, formatPercent } from "../../i18n/format";
import { metricWords } from "../form-words/fault-why";
import { FaultList } from "../form-words/FaultList";

function secondsLabel(ms: number): string {
  return formatNumber(ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

function tempoLabel(rep: RepResult): string {
  const { away, end, return: back } = rep.tempoMs;
  return [away, end, back].map(secondsLabel).join(" / ");
}

/** The rep's peak measures in words, in the order the exercise lists them. */
function peakLabel(exerciseId: ExerciseId, rep: RepResult): string {
  return EXERCISES[exerciseId].peakMetrics
    .flatMap((name) => {
      const value = rep.peakAngles[name];
      return value === undefined ? [] : [metricWords(name, value)];
    })
    .join(", ");
}

/**
 * One row per rep: when, score, faults (each with why it was called, measured from the rep's
 * frames), tempo (down / bottom / up, seconds) and range.
 */
export function RepTable({
  exerciseId,
  reps,
  verdicts,
  onSeek,
}: {
  exerciseId: ExerciseId;
  reps: RepResult[];
  verdicts: readonly FrameVerdict[];
  onSeek: (tMs: number) => void;
}) {
  const { t } = useTranslation("analyze");
  if (reps.length === 0) return <p className="muted">{t("table.none")}</p>;
  return (
    <table className="rep-table">
      <thead>
        <tr>
          <th>{t("table.rep")}</th>
          <th>{t("table.time")}</th>
          <th>{t("table.score")}</th>
          <th>{t("table.faults")}</th>
          <th>{t("table.tempo")}</th>
          <th>{t("table.range")}</th>
        </tr>
      </thead>
      <tbody>
        {reps.map((rep) => (
          <tr
            key={rep.index}
            data-testid="rep-row"
            data-rep={rep.index + 1}
            data-faults={rep.faults.map((f) => f.id).join(" ")}
          >
            <td>
              <button type="button" className="link" onClick={() => onSeek(rep.startMs)}>
                {rep.index + 1}
                {rep.partial ? t("table.partial") : ""}
              </button>
            </td>
            <td>
              {secondsLabel(rep.startMs)}–{secondsLabel(rep.endMs)}
            </td>
            <td>{formatNumber(Math.round(rep.score))}</td>
            <td>
              <FaultList
                exerciseId={exerciseId}
                faults={rep.faults}
                measured={(id) => faultMeasurement(exerciseId, id, rep, verdicts)}
              />
            </td>
            <td>{tempoLabel(rep)}</td>
            <td>
              {formatPercent(rep.romRatio)} <span className="muted">{peakLabel(exerciseId, rep)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
