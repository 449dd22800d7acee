import { exerciseName } from "../../../shared/form/labels";
import { repWords } from "../form-words/announce";
import { LiveRegion } from "../form-words/LiveRegion";
import { PHASE_WORDS } from "../form-words/phase-words";
import { ViewAdvice } from "../form-words/ViewAdvice";
import type { LiveState } from "./use-live-training";

/**
 * The numbers that matter mid-set: reps, phase, and the cues as they come. Screen readers hear the
 * rep count when it changes (its own live region) and cues and phases through a quieter one.
 */
export function LiveCoaching({ state }: { state: LiveState }) {
  const { verdict, cues, exerciseId, countdown } = state;
  const reps = verdict?.reps ?? 0;
  return (
    <div className="train-coaching">
      {countdown !== null && (
        <p className="train-countdown" data-testid="countdown" aria-hidden="true">
          {countdown}
        </p>
      )}
      <div className="train-reps" role="status" aria-live="polite" aria-atomic="true" aria-label="Rep count">
        <span className="train-rep-count" data-testid="rep-count" aria-hidden="true">
          {reps}
        </span>
        <span className="visually-hidden">{repWords(reps)}</span>
        <span className="muted" aria-hidden="true">
          reps
        </span>
        {verdict?.partialReps ? <span className="muted"> · {verdict.partialReps} partial</span> : null}
      </div>
      <p className="train-phase" data-testid="phase">
        {exerciseId ? exerciseName(exerciseId) : "Detecting exercise…"}
        {verdict?.phase ? ` · ${PHASE_WORDS[verdict.phase]}` : ""}
      </p>
      <LiveRegion label="Coaching" said={state.said} />
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
