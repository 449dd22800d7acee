import { useEffect, useState } from "react";
import { Link } from "wouter";
import {
  getProfile,
  listWorkouts,
  onInvalidRecords,
  startWorkout,
  useLiveQuery,
  type InvalidRecordError,
} from "../../db";
import { useTranslation } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { formatUnit } from "../../i18n/format";
import { useExerciseLibrary } from "../library/use-exercise-library";
import { CurrentWorkout } from "./CurrentWorkout";
import { History } from "./History";
import { Records } from "./Records";
import { RestTimer } from "./RestTimer";
import "./log.css";

const REST_CHOICES_S = [60, 90, 120, 180];

/** 60 → "1 min", 90 → "90 s" (and "90 Sek." in German). */
const restLabel = (s: number) => (s % 60 === 0 ? formatUnit(s / 60, "minute") : formatUnit(s, "second"));

export default function LogPage() {
  const { t } = useTranslation("log");
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
        <h1>{t("title")}</h1>
        <Link href="~/import">{t("importLink")}</Link>
      </header>
      {problems.length > 0 && (
        <p role="alert">{t("unreadable", { count: problems.length, detail: problems[0]!.message })}</p>
      )}
      {error && <p role="alert">{error}</p>}
      <RestTimer />
      {workouts === undefined ? (
        <p className="muted">{t("loading")}</p>
      ) : open ? (
        <CurrentWorkout workout={open} unit={unit} library={library} restMs={restS * 1000} />
      ) : (
        <button
          type="button"
          onClick={() => void startWorkout().catch((err: unknown) => setError(errorMessage(err)))}
        >
          {t("start")}
        </button>
      )}
      <label className="rest-choice">
        {t("restChoice")}{" "}
        <select value={restS} onChange={(e) => setRestS(Number(e.target.value))}>
          {REST_CHOICES_S.map((s) => (
            <option key={s} value={s}>
              {restLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <Records unit={unit} library={library} />
      <History workouts={(workouts ?? []).filter((w) => w !== open)} unit={unit} library={library} />
    </section>
  );
}
