import { useState } from "react";
import { Link } from "wouter";
import { MuscleMap } from "react-muscle-map";
import "react-muscle-map/styles.css";
import { useTranslation } from "../../i18n";
import { formatList } from "../../i18n/format";
import type { Exercise } from "../../../shared/schemas/exercise";

/** One library entry: name and facts, a Coach badge when the camera can coach it, details on demand. */
export function ExerciseCard({ exercise }: { exercise: Exercise }) {
  const { t } = useTranslation("library");
  const { t: common } = useTranslation("common");
  const [open, setOpen] = useState(false);
  const muscles = [...exercise.primaryMuscles, ...exercise.secondaryMuscles].map((m) =>
    common(`muscle.${m}`),
  );
  const facts = [
    common(`level.${exercise.level}`),
    exercise.equipment ? common(`equipment.${exercise.equipment}`) : t("card.noEquipment"),
    formatList(muscles),
  ];
  return (
    <li className="exercise-card" data-exercise-id={exercise.id}>
      <div className="exercise-head">
        <button type="button" className="linkish" aria-expanded={open} onClick={() => setOpen(!open)}>
          {exercise.name}
        </button>
        {exercise.coachId && (
          <Link className="coach-badge" href={`~/train?exercise=${exercise.coachId}`}>
            {t("card.coach")}
          </Link>
        )}
      </div>
      <p className="muted exercise-facts">{facts.filter((f) => f).join(" · ")}</p>
      {open && (
        <div className="exercise-details">
          <MuscleMap
            className="muscle-map"
            primaryMuscles={exercise.primaryMuscles}
            secondaryMuscles={exercise.secondaryMuscles}
            title={t("card.musclesTitle", { name: exercise.name })}
            idPrefix={`mm-${exercise.id}`}
          />
          <ol>
            {exercise.instructions.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        </div>
      )}
    </li>
  );
}
