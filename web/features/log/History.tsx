import { localDay } from "../../db/ids";
import { useState } from "react";
import { deleteWorkout, LocalWriteError, setsOfWorkout, useLiveQuery, type WorkoutRow } from "../../db";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import { displayWeight, type WeightUnit } from "./units";

/** Past workouts grouped by day, newest first. */
export function History(props: {
  workouts: WorkoutRow[];
  unit: WeightUnit;
  library: ExerciseLibrary | undefined;
}) {
  const days = new Map<string, WorkoutRow[]>();
  for (const w of props.workouts) {
    const day = localDay(w.startedAt);
    days.set(day, [...(days.get(day) ?? []), w]);
  }
  if (days.size === 0) return <p className="muted">No workouts yet.</p>;
  return (
    <section aria-label="History">
      <h2>History</h2>
      {[...days].map(([day, workouts]) => (
        <div key={day} className="history-day">
          <h3>{new Date(workouts[0]!.startedAt).toLocaleDateString([], { dateStyle: "full" })}</h3>
          {workouts.map((w) => (
            <WorkoutSummary key={w.id} workout={w} unit={props.unit} library={props.library} />
          ))}
        </div>
      ))}
    </section>
  );
}

function WorkoutSummary(props: {
  workout: WorkoutRow;
  unit: WeightUnit;
  library: ExerciseLibrary | undefined;
}) {
  const sets = useLiveQuery(() => setsOfWorkout(props.workout.id), [props.workout.id]) ?? [];
  const [error, setError] = useState<string | null>(null);
  const remove = () =>
    deleteWorkout(props.workout.id).catch((err: unknown) =>
      setError(err instanceof LocalWriteError ? err.message : String(err)),
    );
  const time = new Date(props.workout.startedAt).toLocaleTimeString([], {
    hour: "2-digit",
    minute: "2-digit",
  });
  return (
    <details className="history-workout">
      <summary>
        {props.workout.name ?? "Workout"} at {time} · {sets.length} sets
      </summary>
      <ul>
        {sets.map((s) => (
          <li key={s.id}>
            {exerciseName(s.exerciseId, props.library)}: {s.reps} × {displayWeight(s.weightKg, props.unit)}
            {s.rpe !== null && ` @ RPE ${s.rpe}`}
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={() => void remove()}>
        Delete workout
      </button>
      {error && <p role="alert">{error}</p>}
    </details>
  );
}
