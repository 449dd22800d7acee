import type { AnalysisProgress } from "./run-analysis";

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
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
  const done = progress?.framesDone ?? 0;
  const total = progress?.frameCount ?? 0;
  return (
    <div className="analysis-progress" aria-live="polite">
      <progress data-testid="analysis-progress" max={Math.max(total, 1)} value={done} />
      <p>
        {progress ? (
          <>
            Frame {done} of {total} · {progress.framesPerSecond.toFixed(1)} frames/s
            {progress.remainingMs !== null && <> · about {seconds(progress.remainingMs)} left</>}
          </>
        ) : (
          status
        )}
      </p>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
