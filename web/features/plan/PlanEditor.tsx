import { useState } from "react";
import type { PlanRow } from "../../db";
import { draftFromSlot, editLift, type LiftDraft, type ReasonWords } from "../../../shared/plans";
import { useTranslation } from "../../i18n";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import { ExercisePicker } from "../log/ExercisePicker";
import type { WeightUnit } from "../log/units";
import { CustomLiftFields } from "./CustomLiftFields";
import { planText } from "./plan-words";

interface Props {
  plan: PlanRow;
  library: ExerciseLibrary | undefined;
  unit: WeightUnit;
  busy: boolean;
  onAdd: (dayIndex: number, exerciseId: string) => void;
  onRemove: (dayIndex: number, slotIndex: number) => void;
  /** Saves the plan's days with one lift's scheme changed (already checked). */
  onSetDays: (days: PlanRow["days"]) => void;
}

interface Editing {
  dayIndex: number;
  slotIndex: number;
  draft: LiftDraft;
  problems: ReasonWords[];
}

/** The plan's days and their lifts: lifts to add from the library, remove, or change how they progress. */
export function PlanEditor({ plan, library, unit, busy, onAdd, onRemove, onSetDays }: Props) {
  const { t } = useTranslation("plan");
  const [editing, setEditing] = useState<Editing | null>(null);
  const save = (at: Editing) => {
    const result = editLift(plan, at.dayIndex, at.slotIndex, at.draft);
    if (!result.ok) return setEditing({ ...at, problems: result.problems });
    setEditing(null);
    onSetDays(result.plan.days);
  };
  return (
    <details className="plan-editor">
      <summary>{t("editor.summary")}</summary>
      {plan.days.map((day, dayIndex) => (
        <section key={`${day.name}-${dayIndex}`} aria-label={t("editor.editDay", { day: day.name })}>
          <h3>{day.name}</h3>
          <ul>
            {day.slots.map((slot, slotIndex) => {
              const name = exerciseName(slot.exerciseId, library);
              const open = editing?.dayIndex === dayIndex && editing.slotIndex === slotIndex ? editing : null;
              return (
                <li key={`${slot.exerciseId}-${slotIndex}`}>
                  {name}{" "}
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    aria-expanded={open !== null}
                    aria-label={t("editor.changeLabel", { name })}
                    onClick={() =>
                      setEditing(
                        open ? null : { dayIndex, slotIndex, draft: draftFromSlot(slot, name), problems: [] },
                      )
                    }
                  >
                    {t("editor.change")}
                  </button>{" "}
                  {day.slots.length > 1 && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={busy}
                      aria-label={t("editor.removeLabel", { name, day: day.name })}
                      onClick={() => onRemove(dayIndex, slotIndex)}
                    >
                      {t("editor.remove")}
                    </button>
                  )}
                  {open && (
                    <div className="plan-edit-lift">
                      <ul>
                        <CustomLiftFields
                          lift={open.draft}
                          dayName={day.name}
                          unit={unit}
                          onChange={(draft) => setEditing({ ...open, draft })}
                        />
                      </ul>
                      <div className="row">
                        <button type="button" disabled={busy} onClick={() => save(open)}>
                          {t("editor.save")}
                        </button>
                        <button type="button" className="secondary" onClick={() => setEditing(null)}>
                          {t("editor.cancel")}
                        </button>
                      </div>
                      {open.problems.length > 0 && (
                        <ul role="alert" aria-label={t("editor.problems")}>
                          {open.problems.map((p) => (
                            <li key={planText(p)}>{planText(p)}</li>
                          ))}
                        </ul>
                      )}
                    </div>
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
