import type { PlanRow } from "../../db";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import { ExercisePicker } from "../log/ExercisePicker";

interface Props {
  plan: PlanRow;
  library: ExerciseLibrary | undefined;
  busy: boolean;
  onAdd: (dayIndex: number, exerciseId: string) => void;
  onRemove: (dayIndex: number, slotIndex: number) => void;
}

/** The plan's days and their lifts, with lifts to add from the library or remove. */
export function PlanEditor({ plan, library, busy, onAdd, onRemove }: Props) {
  return (
    <details className="plan-editor">
      <summary>Edit the plan&apos;s days</summary>
      {plan.days.map((day, dayIndex) => (
        <section key={`${day.name}-${dayIndex}`} aria-label={`Edit ${day.name}`}>
          <h3>{day.name}</h3>
          <ul>
            {day.slots.map((slot, slotIndex) => {
              const name = exerciseName(slot.exerciseId, library);
              return (
                <li key={`${slot.exerciseId}-${slotIndex}`}>
                  {name}{" "}
                  {day.slots.length > 1 && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy}
                      aria-label={`Remove ${name} from ${day.name}`}
                      onClick={() => onRemove(dayIndex, slotIndex)}
                    >
                      Remove
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <ExercisePicker library={library} onPick={(id) => onAdd(dayIndex, id)} />
        </section>
      ))}
    </details>
  );
}
