import { EXERCISES, type ExerciseId, type FrameVerdict, type RepResult } from "../../../shared/form";
import { faultMeasurement } from "../../../shared/form/fault-evidence";
import { formatMetric } from "../../../shared/form/metric-labels";
import { FaultList } from "../form-words/FaultList";

function secondsLabel(ms: number): string {
  return (ms / 1000).toFixed(1);
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
      return value === undefined ? [] : [formatMetric(name, value)];
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
  if (reps.length === 0) return <p className="muted">No reps found.</p>;
  return (
    <table className="rep-table">
      <thead>
        <tr>
          <th>Rep</th>
          <th>Time (s)</th>
          <th>Score</th>
          <th>Faults</th>
          <th>Tempo (s)</th>
          <th>Range</th>
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
                {rep.partial ? " (partial)" : ""}
              </button>
            </td>
            <td>
              {secondsLabel(rep.startMs)}–{secondsLabel(rep.endMs)}
            </td>
            <td>{Math.round(rep.score)}</td>
            <td>
              <FaultList
                exerciseId={exerciseId}
                faults={rep.faults}
                measured={(id) => faultMeasurement(exerciseId, id, rep, verdicts)}
              />
            </td>
            <td>{tempoLabel(rep)}</td>
            <td>
              {Math.round(rep.romRatio * 100)}% <span className="muted">{peakLabel(exerciseId, rep)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
