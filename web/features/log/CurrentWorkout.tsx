import { useState } from "react";
import {
  deleteSet,
  finishWorkout,
  LocalWriteError,
  setsOfWorkout,
  useLiveQuery,
  type SetRow,
  type WorkoutRow,
} from "../../db";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import { plannedWorkout } from "../plan/planned-session";
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
      `Saved: ${exerciseName(set.exerciseId, library)}, ${set.reps} reps at ${displayWeight(set.weightKg, unit)}`,
    );
    setEditing(null);
    if (isNew) startRest(plannedRestMs ?? restMs);
  };
  const run = (action: () => Promise<void>) =>
    action().catch((err: unknown) => setError(err instanceof LocalWriteError ? err.message : String(err)));

  return (
    <section className="current-workout" aria-label="Current workout">
      <div className="row">
        <h2>Today&apos;s workout</h2>
        <button type="button" className="secondary" onClick={() => void run(() => finishWorkout(workout.id))}>
          Finish workout
        </button>
      </div>
      <p role="status" className="saved-note" aria-label="Save status">
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
                Planned: {plan.sets.map((s) => `${s.reps} × ${displayWeight(s.weightKg, unit)}`).join(", ")}
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
                      {set.reps} × {displayWeight(set.weightKg, unit)}
                      {set.rpe !== null && ` @ RPE ${set.rpe}`}
                      {formNote(set)}
                    </span>
                    <button type="button" className="secondary" onClick={() => setEditing(set.id)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void run(() => deleteSet(set.id))}
                    >
                      Delete
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

function formNote(set: SetRow): string {
  if (set.source !== "camera" || set.repForm.length === 0) return "";
  const average = set.repForm.reduce((sum, rep) => sum + rep.score, 0) / set.repForm.length;
  return ` · form ${Math.round(average)}/100 (camera)`;
}
