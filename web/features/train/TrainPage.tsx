import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "../../i18n";
import { formatNumber, formatUnit } from "../../i18n/format";
import { RestTimer } from "../log/RestTimer";
import { askToNotify, startRest } from "../log/rest-timer";
import { useBenchHook } from "./bench/use-bench-hook";
import { listCameras, type CameraChoice } from "./camera";
import { loadLiveCoaching, loadSetSummary } from "./lazy-parts";
import { ModelStatus } from "./ModelStatus";
import { readTrainChoices, saveTrainChoices } from "./train-choices";
import { TrainControls, type TrainSettings } from "./TrainControls";
import { useLiveTraining } from "./use-live-training";
import { usePoseSession } from "./use-pose-session";
import { useWakeLock } from "./use-wake-lock";
import "./train.css";

// Shown only once a set starts or ends: kept out of the first paint (with the form engine's words),
// fetched right after it (usePoseSession).
const LiveCoaching = lazy(loadLiveCoaching);
const SetSummaryView = lazy(loadSetSummary);

const msText = (ms: number) => formatUnit(Math.round(ms), "millisecond", { digits: 0 });

/** Rest after a camera set, before the timer says the next set is due. */
const REST_AFTER_SET_MS = 90_000;

/**
 * Live training. The controls, Start and the camera need none of the form engine, the pose worker
 * or the model: those load right after the first paint, and a set started before they are there
 * waits for them (ModelStatus shows how far the model is).
 */
export default function TrainPage() {
  useBenchHook();
  const { t } = useTranslation("train");
  const [settings, setSettings] = useState<TrainSettings>(() => ({
    ...readTrainChoices(window.location.search),
    delegate: "CPU",
  }));
  const [cameras, setCameras] = useState<CameraChoice[]>([]);
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const pose = usePoseSession(settings);
  const live = useLiveTraining({ ...settings, waitForClient: pose.waitForClient });
  const { running, mirrored, error, hud, summary } = live.state;
  const wakeLock = useWakeLock(running);

  useEffect(() => saveTrainChoices(settings), [settings]);

  useEffect(() => {
    performance.mark("train:controls-live");
  }, []);

  // The rest timer starts by itself once a set with reps ends.
  useEffect(() => {
    if (summary && summary.reps > 0) startRest(REST_AFTER_SET_MS);
  }, [summary]);

  // Device labels only appear once the camera was allowed, so list again after each start.
  useEffect(() => {
    void listCameras().then((found) => {
      setCameras(found);
      // A saved camera that is gone would make Start fail. Ids are only listed once the camera was
      // allowed, so an empty id says nothing about the saved one.
      const listed = found.some((c) => c.deviceId);
      setSettings((s) =>
        listed && s.cameraId && !found.some((c) => c.deviceId === s.cameraId) ? { ...s, cameraId: null } : s,
      );
    });
  }, [running]);

  return (
    <section className="page train" data-wake-lock={wakeLock}>
      <h1>{t("title")}</h1>
      <ModelStatus session={pose} />
      <TrainControls settings={settings} cameras={cameras} running={running} onChange={setSettings} />
      <div className="train-actions">
        {running ? (
          <button
            type="button"
            onClick={() => {
              // A tap is the moment a browser lets a page ask to notify (for the end of the rest).
              askToNotify();
              live.stop();
            }}
          >
            {t("actions.stop")}
          </button>
        ) : (
          <button
            type="button"
            // Live from the first paint: the camera starts at once; counting waits for the engine
            // and the model, which may still be loading.
            onClick={() => {
              if (video.current && canvas.current) void live.start(video.current, canvas.current);
            }}
          >
            {t("actions.start")}
          </button>
        )}
      </div>
      {!running && <RestTimer />}
      {error && (
        <p className="train-error" role="alert">
          {error}
        </p>
      )}
      <div className={mirrored ? "train-stage mirrored" : "train-stage"} hidden={!running}>
        <video ref={video} muted playsInline aria-label={t("stage.preview")} />
        <canvas ref={canvas} data-testid="skeleton" aria-label={t("stage.skeleton")} />
        <dl className="train-hud" aria-label={t("stage.hud")}>
          <dt>{t("stage.fps")}</dt>
          <dd data-testid="hud-fps">{formatNumber(hud.fps)}</dd>
          <dt>{t("stage.inference")}</dt>
          <dd>{msText(hud.inferenceMs)}</dd>
          <dt>{t("stage.dropped")}</dt>
          <dd data-testid="hud-dropped">{formatNumber(hud.dropped)}</dd>
        </dl>
      </div>
      {/* Apart, so the summary's first render never hides the rep count it follows. */}
      <Suspense fallback={null}>
        {(running || live.state.verdict) && <LiveCoaching state={live.state} />}
      </Suspense>
      <Suspense fallback={null}>
        {!running && summary && <SetSummaryView summary={summary} verdicts={live.state.verdicts} />}
      </Suspense>
      {!running && !summary && !error && <p className="muted">{t("hint")}</p>}
    </section>
  );
}
