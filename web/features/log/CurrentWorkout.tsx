import { useState } from "react";
import {
  deleteSet,
  finishWorkout,
  setsOfWorkout,
  useLiveQuery,
  type SetRow,
  type WorkoutRow,
} from "../../db";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import { plannedWorkout } from "../plan/planned-session";
import { useTranslation } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { formatNumber, formatList } from "../../i18n/format";
import { ExercisePicker } from "./ExercisePicker";
import { SetForm } from "./SetForm";
import { askToNotify, startRest } from "./rest-timer";
import { displayWeight, type WeightUnit } from "./units";

interface Props {
  workout: WorkoutRow;
  unit: WeightUnit;
  library: ExerciseLibrary | undefined;
  restMs: number;
}

/** The workout in progress: exercises with their sets, a form per exercise, edit and delete. */
export function CurrentWorkout({ workout, unit, library, restMs }: Props) {
  const { t } = useTranslation("log");
  const sets = useLiveQuery(() => setsOfWorkout(workout.id), [workout.id]);
  const [added, setAdded] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const planned = plannedWorkout(workout.id);
  const plannedIds = planned?.exercises.map((e) => e.exerciseId) ?? [];
  const exerciseIds = [...new Set([...plannedIds, ...(sets ?? []).map((s) => s.exerciseId), ...added])];
  const lastAt = sets?.at(-1)?.performedAt;

  const onSaved = (set: SetRow, isNew: boolean, plannedRestMs?: number) => {
    setSaved(
      t("current.saved", {
        exercise: exerciseName(set.exerciseId, library),
        reps: t("set.reps", { count: set.reps }),
        weight: displayWeight(set.weightKg, unit),
      }),
    );
    setEditing(null);
    if (isNew) startRest(plannedRestMs ?? restMs);
  };
  const run = (action: () => Promise<void>) => action().catch((err: unknown) => setError(errorMessage(err)));

  return (
    <section className="current-workout" aria-label={t("current.label")}>
      <div className="row">
        <h2>{t("current.title")}</h2>
        <button type="button" className="secondary" onClick={() => void run(() => finishWorkout(workout.id))}>
          {t("current.finish")}
        </button>
      </div>
      <p role="status" className="saved-note" aria-label={t("current.saveStatus")}>
        {saved}
      </p>
      {error && <p role="alert">{error}</p>}
      {exerciseIds.map((exerciseId) => {
        const mine = (sets ?? []).filter((s) => s.exerciseId === exerciseId);
        const plan = planned?.exercises.find((e) => e.exerciseId === exerciseId);
        const nextPlanned = plan?.sets[mine.length];
        return (
          <article key={exerciseId} className="exercise-block" aria-label={exerciseName(exerciseId, library)}>
            <h3>{exerciseName(exerciseId, library)}</h3>
            {plan && (
              <p className="muted planned-sets">
                {t("current.planned", {
                  sets: formatList(
                    plan.sets.map((s) =>
                      t("set.line", { reps: s.reps, weight: displayWeight(s.weightKg, unit) }),
                    ),
                  ),
                })}
              </p>
            )}
            <ol className="set-list">
              {mine.map((set) =>
                editing === set.id ? (
                  <li key={set.id}>
                    <SetForm
                      workoutId={workout.id}
                      exerciseId={exerciseId}
                      unit={unit}
                      editing={set}
                      onSaved={(s) => onSaved(s, false)}
                      onCancel={() => setEditing(null)}
                    />
                  </li>
                ) : (
                  <li key={set.id} className="set-line">
                    <span>
                      {t("set.line", { reps: set.reps, weight: displayWeight(set.weightKg, unit) })}
                      {set.rpe !== null && ` ${t("set.rpe", { rpe: formatNumber(set.rpe) })}`}
                      {formScore(set) !== null &&
                        ` · ${t("current.form", { score: formatNumber(Math.round(formScore(set)!)) })}`}
                    </span>
                    <button type="button" className="secondary" onClick={() => setEditing(set.id)}>
                      {t("current.edit")}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void run(() => deleteSet(set.id))}
                    >
                      {t("current.delete")}
                    </button>
                  </li>
                ),
              )}
            </ol>
            <SetForm
              key={`${exerciseId}-${mine.length}`}
              workoutId={workout.id}
              exerciseId={exerciseId}
              unit={unit}
              previous={mine.at(-1)}
              planned={
                nextPlanned && {
                  reps: nextPlanned.reps,
                  // A lift with no load yet keeps the weight of the set before.
                  weightKg: nextPlanned.weightKg ?? mine.at(-1)?.weightKg ?? null,
                }
              }
              previousAt={lastAt}
              onSaved={(s) => {
                askToNotify();
                onSaved(s, true, plan ? plan.restS * 1000 : undefined);
              }}
            />
          </article>
        );
      })}
      <ExercisePicker
        library={library}
        onPick={(id) => setAdded((ids) => (ids.includes(id) ? ids : [...ids, id]))}
      />
    </section>
  );
}

/** The camera's average form score of a set's reps, or null for a set logged by hand. */
function formScore(set: SetRow): number | null {
  if (set.source !== "camera" || set.repForm.length === 0) return null;
  return set.repForm.reduce((sum, rep) => sum + rep.score, 0) / set.repForm.length;
}
