import { memo } from "react";
import type { PoseInitOptions } from "../../pose/pose-types";
import { RESOLUTIONS, type CameraChoice, type ResolutionId } from "./camera";
import { EXERCISE_OPTIONS, type ExerciseChoice } from "./coach";
import { COUNTDOWN_SECONDS, type CountdownSeconds } from "./train-choices";

export interface TrainSettings extends PoseInitOptions {
  exercise: ExerciseChoice;
  cameraId: string | null;
  resolution: ResolutionId;
  soundOn: boolean;
  /** Seconds counted down before a camera set starts counting (0: none). */
  countdownS: CountdownSeconds;
}

interface Props {
  settings: TrainSettings;
  cameras: CameraChoice[];
  running: boolean;
  onChange: (next: TrainSettings) => void;
}

/**
 * Exercise, camera, size, model, delegate and sound: the choices made before a set. Memoised: the
 * page re-renders on every analysed frame and these controls never change mid-set.
 */
export const TrainControls = memo(function TrainControls({ settings, cameras, running, onChange }: Props) {
  const set = <K extends keyof TrainSettings>(key: K, value: TrainSettings[K]) =>
    onChange({ ...settings, [key]: value });
  return (
    <div className="train-controls">
      <label>
        Exercise
        <select
          value={settings.exercise}
          onChange={(e) =>
            set("exercise", EXERCISE_OPTIONS.find((o) => o.id === e.target.value)?.id ?? "auto")
          }
          disabled={running}
        >
          <option value="auto">Auto-detect</option>
          {EXERCISE_OPTIONS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Camera
        <select
          value={settings.cameraId ?? ""}
          onChange={(e) => set("cameraId", e.target.value || null)}
          disabled={running}
        >
          <option value="">Default camera</option>
          {/* The saved camera before the browser lists cameras by id (that needs permission first). */}
          {settings.cameraId && !cameras.some((c) => c.deviceId === settings.cameraId) && (
            <option value={settings.cameraId}>Last used camera</option>
          )}
          {cameras.map((c) => (
            <option key={c.deviceId} value={c.deviceId}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Resolution
        <select
          value={settings.resolution}
          onChange={(e) => set("resolution", RESOLUTIONS.find((r) => r.id === e.target.value)?.id ?? "480p")}
          disabled={running}
        >
          {RESOLUTIONS.map((r) => (
            <option key={r.id} value={r.id}>
              {r.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        Model
        <select
          value={settings.model}
          onChange={(e) => set("model", e.target.value === "full" ? "full" : "lite")}
          disabled={running}
        >
          <option value="lite">Lite (fastest)</option>
          <option value="full">Full (more accurate)</option>
        </select>
      </label>
      <label>
        Delegate
        <select
          value={settings.delegate}
          onChange={(e) => set("delegate", e.target.value === "GPU" ? "GPU" : "CPU")}
          disabled={running}
        >
          <option value="CPU">CPU</option>
          <option value="GPU">GPU</option>
        </select>
      </label>
      <label>
        Countdown
        <select
          value={settings.countdownS}
          onChange={(e) =>
            set("countdownS", COUNTDOWN_SECONDS.find((c) => String(c) === e.target.value) ?? 0)
          }
          disabled={running}
        >
          {COUNTDOWN_SECONDS.map((c) => (
            <option key={c} value={c}>
              {c ? `${c} s` : "Off"}
            </option>
          ))}
        </select>
      </label>
      <label className="train-toggle">
        <input
          type="checkbox"
          checked={settings.soundOn}
          onChange={(e) => set("soundOn", e.target.checked)}
        />
        Spoken cues
      </label>
    </div>
  );
});
