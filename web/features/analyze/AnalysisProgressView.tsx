import { useTranslation } from "../../i18n";
import { formatDecimal, formatUnit } from "../../i18n/format";
import type { AnalysisProgress } from "./run-analysis";

function seconds(ms: number): string {
  return formatUnit(ms / 1000, "second", { digits: ms < 10_000 ? 1 : 0 });
}

/** Progress of a running analysis: frames done of total, speed, time left, and a cancel button. */
export function AnalysisProgressView({
  progress,
  status,
  onCancel,
}: {
  progress: AnalysisProgress | null;
  status: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation("analyze");
  const done = progress?.framesDone ?? 0;
  const total = progress?.frameCount ?? 0;
  return (
    <div className="analysis-progress" aria-live="polite">
      <progress data-testid="analysis-progress" max={Math.max(total, 1)} value={done} />
      <p>
        {progress ? (
          <>
            {t("progress.frames", { done, total, rate: formatDecimal(progress.framesPerSecond, 1) })}
            {progress.remainingMs !== null && t("progress.left", { time: seconds(progress.remainingMs) })}
          </>
        ) : (
          status
        )}
      </p>
      <button type="button" className="secondary" onClick={onCancel}>
        {t("progress.cancel")}
      </button>
    </div>
  );
}
