import type { ReactNode } from "react";
import { Link } from "wouter";
import { coachIdFor } from "../../../shared/schemas/exercise";
import type { PlannedSession } from "../../../shared/plans";
import { useTranslation } from "../../i18n";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import type { WeightUnit } from "../log/units";
import { describeSets, formatDay } from "./describe";
import { correctiveWhy, planText, planWords } from "./plan-words";

interface Props {
  title: string;
  session: PlannedSession;
  unit: WeightUnit;
  library: ExerciseLibrary | undefined;
  children?: ReactNode;
}

/** One session: each lift with its sets and, for every number, why. */
export function SessionCard({ title, session, unit, library, children }: Props) {
  const { t } = useTranslation("plan");
  const date = formatDay(session.date);
  return (
    <section className="plan-session" aria-label={title}>
      <h2>
        {session.dayName
          ? t("session.headingDay", { title, date, day: session.dayName })
          : t("session.heading", { title, date })}
      </h2>
      {session.status !== "planned" && <p className="muted">{t(`session.${session.status}`)}</p>}
      {session.exercises.map((e) => (
        <article
          key={`${e.exerciseId}-${e.reasons.sets}`}
          className="plan-lift"
          aria-label={exerciseName(e.exerciseId, library)}
        >
          <h3>{exerciseName(e.exerciseId, library)}</h3>
          <p className="plan-sets">{describeSets(e.sets, unit)}</p>
          {session.status === "planned" && coachIdFor(e.exerciseId) && (
            // Sets filmed in Train go into the open workout, with their reps and form, and count here.
            <Link href={`~/train?exercise=${coachIdFor(e.exerciseId)}`}>{t("session.onCamera")}</Link>
          )}
          <ul className="plan-reasons">
            <li>{planText(e.reasons.words.load)}</li>
            <li>{planWords(e.reasons.words.sets)}</li>
            <li>{planWords(e.reasons.words.rest)}</li>
            {e.cue && <li className="plan-cue">{t("session.cue", { cue: e.cue })}</li>}
            {e.corrective && (
              <li className="plan-cue">
                {t("session.corrective", {
                  name: exerciseName(e.corrective.exerciseId, library),
                  why: correctiveWhy(e.corrective),
                })}
              </li>
            )}
          </ul>
        </article>
      ))}
      {children}
    </section>
  );
}
