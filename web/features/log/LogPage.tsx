import { useEffect, useState } from "react";
import { Link } from "wouter";
import {
  getProfile,
  listWorkouts,
  LocalWriteError,
  onInvalidRecords,
  startWorkout,
  useLiveQuery,
  type InvalidRecordError,
} from "../../db";
import { useExerciseLibrary } from "../library/use-exercise-library";
import { CurrentWorkout } from "./CurrentWorkout";
import { History } from "./History";
import { Records } from "./Records";
import { RestTimer } from "./RestTimer";
import "./log.css";

const REST_CHOICES_S = [60, 90, 120, 180];

export default function LogPage() {
  const library = useExerciseLibrary();
  const profile = useLiveQuery(getProfile, []);
  const workouts = useLiveQuery(() => listWorkouts(100), []);
  const [restS, setRestS] = useState(90);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly InvalidRecordError[]>([]);
  useEffect(() => onInvalidRecords(setProblems), []);
  const unit = profile?.units ?? "kg";
  const open = workouts?.find((w) => w.endedAt === undefined || w.endedAt === null);

  return (
    <section className="page log">
      <header className="log-header">
        <h1>Workout log</h1>
        <Link href="~/import">Import or export</Link>
      </header>
      {problems.length > 0 && (
        <p role="alert">
          {problems.length} stored record{problems.length === 1 ? "" : "s"} could not be read and{" "}
          {problems.length === 1 ? "is" : "are"} not shown: {problems[0]!.message}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      <RestTimer />
      {workouts === undefined ? (
        <p className="muted">Loading…</p>
      ) : open ? (
        <CurrentWorkout workout={open} unit={unit} library={library} restMs={restS * 1000} />
      ) : (
        <button
          type="button"
          onClick={() =>
            void startWorkout().catch((err: unknown) =>
              setError(err instanceof LocalWriteError ? err.message : String(err)),
            )
          }
        >
          Start workout
        </button>
      )}
      <label className="rest-choice">
        Rest between sets{" "}
        <select value={restS} onChange={(e) => setRestS(Number(e.target.value))}>
          {REST_CHOICES_S.map((s) => (
            <option key={s} value={s}>
              {s / 60 >= 1 && s % 60 === 0 ? `${s / 60} min` : `${s} s`}
            </option>
          ))}
        </select>
      </label>
      <Records unit={unit} library={library} />
      <History workouts={(workouts ?? []).filter((w) => w !== open)} unit={unit} library={library} />
    </section>
  );
}
