import { exerciseName } from "../../../shared/form/labels";
import { ViewAdvice } from "../form-words/ViewAdvice";
import type { LiveState } from "./use-live-training";

const PHASE_LABEL = { start: "Ready", away: "Going", end: "Turn", return: "Coming back", hold: "Holding" };

/** The numbers that matter mid-set: reps, phase, and the cues as they come. */
export function LiveCoaching({ state }: { state: LiveState }) {
  const { verdict, cues, exerciseId } = state;
  return (
    <div className="train-coaching">
      <div className="train-reps">
        <span className="train-rep-count" data-testid="rep-count">
          {verdict?.reps ?? 0}
        </span>
        <span className="muted">reps{verdict?.partialReps ? ` · ${verdict.partialReps} partial` : ""}</span>
      </div>
      <p className="train-phase" data-testid="phase">
        {exerciseId ? exerciseName(exerciseId) : "Detecting exercise…"}
        {verdict?.phase ? ` · ${PHASE_LABEL[verdict.phase]}` : ""}
      </p>
      {state.running && !state.personInView && (
        <p className="train-note" role="alert">
          No one in view: step back until your whole body is in the picture.
        </p>
      )}
      {exerciseId && verdict && <ViewAdvice exerciseId={exerciseId} verdicts={[verdict]} />}
      <ol className="train-cues" data-testid="cues" aria-label="Cues">
        {cues.map((cue) => (
          <li key={`${cue.faultId}-${cue.frameMs}`} data-fault={cue.faultId}>
            {cue.text}
          </li>
        ))}
      </ol>
    </div>
  );
}
