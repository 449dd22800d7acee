import type { ExerciseId } from "../../../shared/form";
import { useTranslation } from "../../i18n";
import { exerciseWord } from "../form-words/words";
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
  const { t } = useTranslation("analyze");
  return (
    <label className="exercise-picker">
      {t("exercise.label")}{" "}
      <select
        data-testid="exercise-select"
        value={value}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isExerciseChoice(next)) onChange(next);
        }}
      >
        <option value="auto">{t("exercise.auto")}</option>
        <option value="none">{t("exercise.none")}</option>
        {CHOICES.map((c) => (
          <option key={c.id} value={c.id}>
            {exerciseWord(c.id)}
          </option>
        ))}
      </select>
    </label>
  );
}
