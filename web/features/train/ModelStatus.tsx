import { memo } from "react";
import { useTranslation } from "../../i18n";
import { formatUnit } from "../../i18n/format";
import { progressShare, type PoseSession } from "./use-pose-session";

/**
 * Model loading progress, then which model and delegate are running (with any fallback note).
 * Apart from the controls: they are live before the model is ready.
 */
export const ModelStatus = memo(function ModelStatus({ session }: { session: PoseSession }) {
  const { t } = useTranslation("train");
  const { status, progress, loaded, error } = session;
  return (
    <div className="train-model-status" data-pose-status={status} role="status" aria-live="polite">
      {status === "loading" && (
        <>
          <span>{progress ? t(`model.stage.${progress.stage}`) : t("model.starting")}</span>
          <span className="muted"> {t("model.canStart")}</span>
          <progress
            className="progress"
            max={1}
            value={progressShare(progress)}
            aria-label={t("model.progress")}
          />
        </>
      )}
      {status === "ready" && loaded && (
        <span className="muted">
          {t("model.ready", {
            model: t(`model.${loaded.model}`),
            delegate: loaded.delegate,
            duration: formatUnit(Math.round(loaded.initMs), "millisecond", { digits: 0 }),
          })}
        </span>
      )}
      {/* The worker's note (why exactly, in English) stays with the session; the page says what it means. */}
      {loaded?.fallbackNote && <p className="train-note">{t("model.cpuFallback")}</p>}
      {status === "error" && <p role="alert">{t("model.error", { message: error })}</p>}
    </div>
  );
});
