import { useTranslation } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { LiveRegion } from "../form-words/LiveRegion";
import { ViewAdvice } from "../form-words/ViewAdvice";
import { cueWord, exerciseWord, phaseWord, repsWord } from "../form-words/words";
import type { LiveState } from "./use-live-training";

/**
 * The numbers that matter mid-set: reps, phase, and the cues as they come. Screen readers hear the
 * rep count when it changes (its own live region) and cues and phases through a quieter one.
 */
export default function LiveCoaching({ state }: { state: LiveState }) {
  const { t } = useTranslation("train");
  const { verdict, cues, exerciseId, countdown } = state;
  const reps = verdict?.reps ?? 0;
  return (
    <div className="train-coaching">
      {countdown !== null && (
        <p className="train-countdown" data-testid="countdown" aria-hidden="true">
          {formatNumber(countdown)}
        </p>
      )}
      {state.preparing && <p className="train-note">{t("stage.preparing")}</p>}
      <div
        className="train-reps"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        aria-label={t("live.repCount")}
      >
        <span className="train-rep-count" data-testid="rep-count" aria-hidden="true">
          {formatNumber(reps)}
        </span>
        <span className="visually-hidden">{repsWord(reps)}</span>
        <span className="muted" aria-hidden="true">
          {t("live.repsUnit", { count: reps })}
        </span>
        {verdict?.partialReps ? (
          <span className="muted"> · {t("live.partial", { count: verdict.partialReps })}</span>
        ) : null}
      </div>
      <p className="train-phase" data-testid="phase">
        {exerciseId ? exerciseWord(exerciseId) : t("live.detecting")}
        {verdict?.phase ? ` · ${phaseWord(verdict.phase)}` : ""}
      </p>
      <LiveRegion label={t("live.coaching")} said={state.said} />
      {state.running && !state.personInView && (
        <p className="train-note" role="alert">
          {t("live.noOne")}
        </p>
      )}
      {exerciseId && verdict && <ViewAdvice exerciseId={exerciseId} verdicts={[verdict]} />}
      <ol className="train-cues" data-testid="cues" aria-label={t("live.cues")}>
        {cues.map((cue) => (
          <li key={`${cue.faultId}-${cue.frameMs}`} data-fault={cue.faultId}>
            {cueWord(exerciseId, cue)}
          </li>
        ))}
      </ol>
    </div>
  );
}
