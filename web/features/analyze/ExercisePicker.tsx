import type { ExerciseId } from "../../../shared/form";
import { exerciseChoices } from "./judge-frames";

export type ExerciseChoice = ExerciseId | "auto" | "none";

const CHOICES = exerciseChoices();

export function isExerciseChoice(value: string): value is ExerciseChoice {
  return value === "auto" || value === "none" || CHOICES.some((c) => c.id === value);
}

export function ExercisePicker({
  value,
  onChange,
}: {
  value: ExerciseChoice;
  onChange: (v: ExerciseChoice) => void;
}) {
  return (
    <label className="exercise-picker">
      Exercise{" "}
      <select
        data-testid="exercise-select"
        value={value}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isExerciseChoice(next)) onChange(next);
        }}
      >
        <option value="auto">Detect automatically</option>
        <option value="none">None (landmarks only)</option>
        {CHOICES.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
