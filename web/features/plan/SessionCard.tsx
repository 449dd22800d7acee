import type { ReactNode } from "react";
import { Link } from "wouter";
import { coachIdFor } from "../../../shared/schemas/exercise";
import type { PlannedSession } from "../../../shared/plans";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import type { WeightUnit } from "../log/units";
import { describeSets, formatDay } from "./describe";

interface Props {
  title: string;
  session: PlannedSession;
  unit: WeightUnit;
  library: ExerciseLibrary | undefined;
  children?: ReactNode;
}

const STATUS_TEXT = {
  done: "Done: today's session is in the log.",
  skipped: "Skipped: the session moves to the next training day, unchanged.",
  rest: "Rest day.",
  planned: "",
} as const;

/** One session: each lift with its sets and, for every number, why. */
export function SessionCard({ title, session, unit, library, children }: Props) {
  return (
    <section className="plan-session" aria-label={title}>
      <h2>
        {title}: {formatDay(session.date)}
        {session.dayName && ` · ${session.dayName}`}
      </h2>
      {session.status !== "planned" && <p className="muted">{STATUS_TEXT[session.status]}</p>}
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
            <Link href={`~/train?exercise=${coachIdFor(e.exerciseId)}`}>Do its sets on camera in Train</Link>
          )}
          <ul className="plan-reasons">
            <li>{e.reasons.load}</li>
            <li>{e.reasons.sets}</li>
            <li>{e.reasons.rest}</li>
            {e.cue && <li className="plan-cue">Cue: {e.cue}</li>}
            {e.corrective && (
              <li className="plan-cue">
                Try {exerciseName(e.corrective.exerciseId, library)}: {e.corrective.why}
              </li>
            )}
          </ul>
        </article>
      ))}
      {children}
    </section>
  );
}
