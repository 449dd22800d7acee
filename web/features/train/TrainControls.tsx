import { memo } from "react";
import { useTranslation } from "../../i18n";
import { formatUnit } from "../../i18n/format";
import type { PoseInitOptions } from "../../pose/pose-types";
import { exerciseWord } from "../form-words/words";
import { RESOLUTIONS, type CameraChoice, type ResolutionId } from "./camera";
import { EXERCISE_CHOICES, toExerciseChoice, type ExerciseChoice } from "./exercise-choice";
import { COUNTDOWN_SECONDS, type CountdownSeconds } from "./train-choices";

export interface TrainSettings extends PoseInitOptions {
  exercise: ExerciseChoice;
  cameraId: string | null;
  resolution: ResolutionId;
  soundOn: boolean;
  /** Seconds counted down before a camera set starts counting (0: none). */
  countdownS: CountdownSeconds;
}

const secondsText = (s: number) => formatUnit(s, "second", { display: "narrow" });

interface Props {
  settings: TrainSettings;
  cameras: CameraChoice[];
  running: boolean;
  onChange: (next: TrainSettings) => void;
}

/**
 * Exercise, camera, size, model, delegate and sound: the choices made before a set. Memoised: the
 * page re-renders on every analysed frame and these controls never change mid-set. Needs no form
 * engine or pose code, so it is live on Train's first paint.
 */
export const TrainControls = memo(function TrainControls({ settings, cameras, running, onChange }: Props) {
  const { t } = useTranslation("train");
  const set = <K extends keyof TrainSettings>(key: K, value: TrainSettings[K]) =>
    onChange({ ...settings, [key]: value });
  return (
    <div className="train-controls">
      <label>
        {t("controls.exercise")}
        <select
          value={settings.exercise}
          onChange={(e) => set("exercise", toExerciseChoice(e.target.value))}
          disabled={running}
        >
          {EXERCISE_CHOICES.map((id) => (
            <option key={id} value={id}>
              {id === "auto" ? t("controls.auto") : exerciseWord(id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("controls.camera")}
        <select
          value={settings.cameraId ?? ""}
          onChange={(e) => set("cameraId", e.target.value || null)}
          disabled={running}
        >
          <option value="">{t("controls.defaultCamera")}</option>
          {/* The saved camera before the browser lists cameras by id (that needs permission first). */}
          {settings.cameraId && !cameras.some((c) => c.deviceId === settings.cameraId) && (
            <option value={settings.cameraId}>{t("controls.lastCamera")}</option>
          )}
          {cameras.map((c) => (
            <option key={c.deviceId} value={c.deviceId}>
              {c.label || t("controls.numberedCamera", { number: c.number })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("controls.resolution")}
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
        {t("controls.model")}
        <select
          value={settings.model}
          onChange={(e) => set("model", e.target.value === "full" ? "full" : "lite")}
          disabled={running}
        >
          <option value="lite">{t("controls.modelLite")}</option>
          <option value="full">{t("controls.modelFull")}</option>
        </select>
      </label>
      <label>
        {t("controls.delegate")}
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
        {t("controls.countdown")}
        <select
          value={settings.countdownS}
          onChange={(e) =>
            set("countdownS", COUNTDOWN_SECONDS.find((c) => String(c) === e.target.value) ?? 0)
          }
          disabled={running}
        >
          {COUNTDOWN_SECONDS.map((c) => (
            <option key={c} value={c}>
              {c ? secondsText(c) : t("controls.countdownOff")}
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
        {t("controls.sound")}
      </label>
    </div>
  );
});
