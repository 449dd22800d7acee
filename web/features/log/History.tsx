import { localDay } from "../../db/ids";
import { useState } from "react";
import { deleteWorkout, setsOfWorkout, useLiveQuery, type WorkoutRow } from "../../db";
import { useTranslation } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { formatDate, formatNumber, formatTime } from "../../i18n/format";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import { displayWeight, type WeightUnit } from "./units";

const FULL_DATE: Intl.DateTimeFormatOptions = { dateStyle: "full" };
const CLOCK_TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };

/** Past workouts grouped by day, newest first. */
export function History(props: {
  workouts: WorkoutRow[];
  unit: WeightUnit;
  library: ExerciseLibrary | undefined;
}) {
  const { t } = useTranslation("log");
  const days = new Map<string, WorkoutRow[]>();
  for (const w of props.workouts) {
    const day = localDay(w.startedAt);
    days.set(day, [...(days.get(day) ?? []), w]);
  }
  if (days.size === 0) return <p className="muted">{t("history.empty")}</p>;
  return (
    <section aria-label={t("history.label")}>
      <h2>{t("history.title")}</h2>
      {[...days].map(([day, workouts]) => (
        <div key={day} className="history-day">
          <h3>{formatDate(workouts[0]!.startedAt, FULL_DATE)}</h3>
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
  const { t } = useTranslation("log");
  const sets = useLiveQuery(() => setsOfWorkout(props.workout.id), [props.workout.id]) ?? [];
  const [error, setError] = useState<string | null>(null);
  const remove = () => deleteWorkout(props.workout.id).catch((err: unknown) => setError(errorMessage(err)));
  const time = formatTime(props.workout.startedAt, CLOCK_TIME);
  return (
    <details className="history-workout">
      <summary>
        {t("history.summary", { name: props.workout.name ?? t("history.workout"), time, count: sets.length })}
      </summary>
      <ul>
        {sets.map((s) => (
          <li key={s.id}>
            {exerciseName(s.exerciseId, props.library)}:{" "}
            {t("set.line", { reps: s.reps, weight: displayWeight(s.weightKg, props.unit) })}
            {s.rpe !== null && ` ${t("set.rpe", { rpe: formatNumber(s.rpe) })}`}
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={() => void remove()}>
        {t("history.deleteWorkout")}
      </button>
      {error && <p role="alert">{error}</p>}
    </details>
  );
}
