import { memo } from "react";
import { progressShare, type PoseSession } from "./use-pose-session";

const STAGE_LABEL = {
  runtime: "Loading the pose runtime",
  model: "Downloading the model",
  compile: "Preparing",
};

/** Model loading progress, then which model and delegate are running (with any fallback note). */
export const ModelStatus = memo(function ModelStatus({ session }: { session: PoseSession }) {
  const { status, progress, loaded, error } = session;
  return (
    <div className="train-model-status" data-pose-status={status} role="status" aria-live="polite">
      {status === "loading" && (
        <>
          <span>{progress ? STAGE_LABEL[progress.stage] : "Starting the pose model"}…</span>
          <span className="muted"> You can start now: counting begins when the model is ready.</span>
          <progress className="progress" max={1} value={progressShare(progress)} aria-label="Model loading" />
        </>
      )}
      {status === "ready" && loaded && (
        <span className="muted">
          Pose model {loaded.model} on {loaded.delegate} ready in {Math.round(loaded.initMs)} ms
        </span>
      )}
      {loaded?.fallbackNote && <p className="train-note">{loaded.fallbackNote}</p>}
      {status === "error" && <p role="alert">{error}</p>}
    </div>
  );
});
