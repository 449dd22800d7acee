import { useState } from "react";
import {
  FIXED_SCHEME,
  PROGRESSION_CHOICES,
  type LiftDraft,
  type ProgressionChoice,
} from "../../../shared/plans";
import { useTranslation } from "../../i18n";
import { toKg, weightInputValue, type WeightUnit } from "../log/units";

interface Props {
  lift: LiftDraft;
  dayName: string;
  unit: WeightUnit;
  onChange: (lift: LiftDraft) => void;
  /** Left out when the lift is edited in place (the plan editor removes lifts itself). */
  onRemove?: () => void;
}

const count = (value: number) => (Number.isNaN(value) ? "" : String(value));

/** One lift of a plan being built: its progression, sets and reps, starting load and load step. */
export function CustomLiftFields({ lift, dayName, unit, onChange, onRemove }: Props) {
  const { t } = useTranslation("plan");
  // Loads are typed in the person's unit; the text is kept so "62." is not rewritten while typing,
  // unless it no longer says the lift's load (another lift now in this place).
  const [startTyped, setStartText] = useState(() => weightInputValue(lift.startKg, unit));
  const [stepTyped, setStepText] = useState(() => weightInputValue(lift.incrementKg, unit));
  const startText = Object.is(toKg(startTyped, unit), lift.startKg)
    ? startTyped
    : weightInputValue(lift.startKg, unit);
  const stepText = Object.is(toKg(stepTyped, unit) ?? 0, lift.incrementKg)
    ? stepTyped
    : weightInputValue(lift.incrementKg, unit);
  const fixed = FIXED_SCHEME.has(lift.progression);
  const ranged = lift.progression === "double" || lift.progression === "rep_sum";
  const set = (change: Partial<LiftDraft>) => onChange({ ...lift, ...change });
  return (
    <li className="plan-build-lift" aria-label={lift.name}>
      <strong>{lift.name}</strong>{" "}
      {onRemove && (
        <button
          type="button"
          className="secondary"
          aria-label={t("editor.removeLabel", { name: lift.name, day: dayName })}
          onClick={onRemove}
        >
          {t("editor.remove")}
        </button>
      )}
      <label>
        {t("liftFields.progression")}{" "}
        <select
          value={lift.progression}
          onChange={(e) => set({ progression: e.target.value as ProgressionChoice })}
        >
          {PROGRESSION_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`progressions.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      {!fixed && (
        <span className="plan-build-numbers">
          <label>
            {t("liftFields.sets")}{" "}
            <input
              type="number"
              min={1}
              max={20}
              value={count(lift.sets)}
              onChange={(e) => set({ sets: e.target.valueAsNumber })}
            />
          </label>
          <label>
            {ranged ? t("liftFields.repsFrom") : t("liftFields.reps")}{" "}
            <input
              type="number"
              min={1}
              max={100}
              value={count(lift.reps)}
              onChange={(e) => set({ reps: e.target.valueAsNumber })}
            />
          </label>
          {ranged && (
            <label>
              {t("liftFields.repsTo")}{" "}
              <input
                type="number"
                min={1}
                max={100}
                value={count(lift.repsMax)}
                onChange={(e) => set({ repsMax: e.target.valueAsNumber })}
              />
            </label>
          )}
        </span>
      )}
      {lift.load !== "bodyweight" && (
        <span className="plan-build-numbers">
          <label>
            {lift.progression === "wave_531"
              ? t("liftFields.trainingMax", { unit })
              : t("liftFields.startingLoad", { unit })}{" "}
            <input
              inputMode="decimal"
              placeholder={t("liftFields.fromFirstSession")}
              value={startText}
              onChange={(e) => {
                setStartText(e.target.value);
                set({ startKg: toKg(e.target.value, unit) });
              }}
            />
          </label>
          <label>
            {t("liftFields.step", { unit })}{" "}
            <input
              inputMode="decimal"
              value={stepText}
              onChange={(e) => {
                setStepText(e.target.value);
                set({ incrementKg: toKg(e.target.value, unit) ?? 0 });
              }}
            />
          </label>
        </span>
      )}
    </li>
  );
}
