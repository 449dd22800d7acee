import { useEffect, useRef, useState } from "react";
import { RestTimer } from "../log/RestTimer";
import { askToNotify, startRest } from "../log/rest-timer";
import { useBenchHook } from "./bench/use-bench-hook";
import { listCameras, type CameraChoice } from "./camera";
import { LiveCoaching } from "./LiveCoaching";
import { ModelStatus } from "./ModelStatus";
import { SetSummaryView } from "./SetSummaryView";
import { readTrainChoices, saveTrainChoices } from "./train-choices";
import { TrainControls, type TrainSettings } from "./TrainControls";
import { useLiveTraining } from "./use-live-training";
import { usePoseSession } from "./use-pose-session";
import { useWakeLock } from "./use-wake-lock";
import "./train.css";

/** Rest after a camera set, before the timer says the next set is due. */
const REST_AFTER_SET_MS = 90_000;

export default function TrainPage() {
  useBenchHook();
  const [settings, setSettings] = useState<TrainSettings>(() => ({
    ...readTrainChoices(window.location.search),
    delegate: "CPU",
  }));
  const [cameras, setCameras] = useState<CameraChoice[]>([]);
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const pose = usePoseSession(settings);
  const live = useLiveTraining({ ...settings, client: pose.client });
  const { running, mirrored, error, hud, summary } = live.state;
  const wakeLock = useWakeLock(running);

  useEffect(() => saveTrainChoices(settings), [settings]);

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
      <h1>Train</h1>
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
            Stop
          </button>
        ) : (
          <button
            type="button"
            onClick={() => {
              if (video.current && canvas.current) void live.start(video.current, canvas.current);
            }}
            // The camera may start while the model compiles; analysis begins once it is ready.
            disabled={pose.client === null}
          >
            Start
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
        <video ref={video} muted playsInline aria-label="Camera preview" />
        <canvas ref={canvas} data-testid="skeleton" aria-label="Detected pose" />
        <dl className="train-hud" aria-label="Speed of the analysis">
          <dt>fps</dt>
          <dd data-testid="hud-fps">{hud.fps}</dd>
          <dt>inference</dt>
          <dd>{Math.round(hud.inferenceMs)} ms</dd>
          <dt>dropped</dt>
          <dd data-testid="hud-dropped">{hud.dropped}</dd>
        </dl>
      </div>
      {(running || live.state.verdict) && <LiveCoaching state={live.state} />}
      {!running && summary && <SetSummaryView summary={summary} verdicts={live.state.verdicts} />}
      {!running && !summary && !error && (
        <p className="muted">Stand where the camera sees your whole body, then press Start.</p>
      )}
    </section>
  );
}
