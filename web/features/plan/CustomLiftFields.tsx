import { useState } from "react";
import {
  FIXED_SCHEME,
  PROGRESSION_CHOICES,
  PROGRESSION_LABELS,
  type LiftDraft,
  type ProgressionChoice,
} from "../../../shared/plans";
import { toKg, weightInputValue, type WeightUnit } from "../log/units";

interface Props {
  lift: LiftDraft;
  dayName: string;
  unit: WeightUnit;
  onChange: (lift: LiftDraft) => void;
  onRemove: () => void;
}

const count = (value: number) => (Number.isNaN(value) ? "" : String(value));

/** One lift of a plan being built: its progression, sets and reps, starting load and load step. */
export function CustomLiftFields({ lift, dayName, unit, onChange, onRemove }: Props) {
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
      <button
        type="button"
        className="secondary"
        aria-label={`Remove ${lift.name} from ${dayName}`}
        onClick={onRemove}
      >
        Remove
      </button>
      <label>
        Progression{" "}
        <select
          value={lift.progression}
          onChange={(e) => set({ progression: e.target.value as ProgressionChoice })}
        >
          {PROGRESSION_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {PROGRESSION_LABELS[choice]}
            </option>
          ))}
        </select>
      </label>
      {!fixed && (
        <span className="plan-build-numbers">
          <label>
            Sets{" "}
            <input
              type="number"
              min={1}
              max={20}
              value={count(lift.sets)}
              onChange={(e) => set({ sets: e.target.valueAsNumber })}
            />
          </label>
          <label>
            {ranged ? "Reps from" : "Reps"}{" "}
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
              to{" "}
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
            {lift.progression === "wave_531" ? "Training max" : "Starting load"} ({unit}){" "}
            <input
              inputMode="decimal"
              placeholder="from your first session"
              value={startText}
              onChange={(e) => {
                setStartText(e.target.value);
                set({ startKg: toKg(e.target.value, unit) });
              }}
            />
          </label>
          <label>
            Step ({unit}){" "}
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
