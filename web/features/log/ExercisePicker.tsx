import { useMemo, useState } from "react";
import { useTranslation } from "../../i18n";
import { filterExercises, type ExerciseLibrary } from "../library/exercise-data";

/** Search the library and pick an exercise to log. */
export function ExercisePicker(props: {
  library: ExerciseLibrary | undefined;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation("log");
  const [text, setText] = useState("");
  const matches = useMemo(
    () =>
      props.library && text.trim()
        ? filterExercises(props.library.exercises, {
            text,
            muscle: "",
            equipment: "",
            level: "",
            coachOnly: false,
          })
        : [],
    [props.library, text],
  );
  return (
    <div className="exercise-picker">
      <input
        type="search"
        aria-label={t("picker.label")}
        placeholder={props.library ? t("picker.label") : t("picker.loading")}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {matches.length > 0 && (
        <ul className="picker-results" aria-label={t("picker.found")}>
          {matches.slice(0, 8).map((exercise) => (
            <li key={exercise.id}>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  props.onPick(exercise.id);
                  setText("");
                }}
              >
                {exercise.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
