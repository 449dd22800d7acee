import { ViewAdvice } from "../form-words/ViewAdvice";
import { FAULT_IDS, type FrameVerdict, type SetSummary } from "../../../shared/form";
import { faultMeasurement } from "../../../shared/form/fault-evidence";
import { FaultList } from "../form-words/FaultList";
import { SaveToLog } from "./SaveToLog";
import { ShareSet } from "./ShareSet";

const seconds = (ms: number) => (ms / 1000).toFixed(1);
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
  const { exerciseId } = summary;
  const faults = FAULT_IDS.flatMap((id) => {
    const count = summary.faultCounts[id];
    return count ? [{ id, count }] : [];
  });
  // A posture kept through the set (a sag from the first frame) is a fault even when no rep carries it.
  const held = summary.heldFaults.filter((id) => summary.faultCounts[id] === undefined);
  return (
    <section className="train-summary" aria-label="Set summary" data-testid="set-summary">
      <h2>
        {summary.reps} reps
        {summary.partialReps > 0 && <span className="muted"> + {summary.partialReps} partial</span>}
        {summary.averageScore !== null && (
          <span className="muted"> · score {Math.round(summary.averageScore)}</span>
        )}
      </h2>
      <table>
        <thead>
          <tr>
            <th>Rep</th>
            <th>Score</th>
            <th>Down / up (s)</th>
            <th>Faults</th>
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
                {rep.index + 1}
                {rep.partial ? " (partial)" : ""}
              </td>
              <td>{Math.round(rep.score)}</td>
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
          <h3>Faults in this set</h3>
          <FaultList
            exerciseId={exerciseId}
            faults={faults}
            measured={(id) => faultMeasurement(exerciseId, id, WHOLE_SET, verdicts)}
          />
        </div>
      )}
      {held.length > 0 && (
        <div>
          <h3>Held through the set</h3>
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
