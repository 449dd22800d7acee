import { useMemo } from "react";
import { muscleRecovery, type LoggedSession } from "../../../shared/plans";
import {
  COACHED_DATASET_IDS,
  COACH_EXERCISE_IDS,
  type CoachExerciseId,
} from "../../../shared/schemas/exercise";
import type { ExerciseLibrary } from "../library/exercise-data";
import { formatDay } from "./describe";

interface Props {
  sessions: readonly LoggedSession[];
  library: ExerciseLibrary | undefined;
  today: string;
}

const isEngineId = (id: string): id is CoachExerciseId =>
  (COACH_EXERCISE_IDS as readonly string[]).includes(id);
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Muscles still recovering from the last week's sessions, least recovered first, with why. */
export function RecoveryList({ sessions, library, today }: Props) {
  const recovery = useMemo(() => {
    if (!library) return [];
    // A camera set names the coached movement; its first library exercise stands for its muscles.
    const musclesOf = (id: string) =>
      library.byId.get(id) ??
      (isEngineId(id) ? (library.byId.get(COACHED_DATASET_IDS[id][0] ?? "") ?? null) : null);
    return muscleRecovery(sessions, musclesOf, today).filter((m) => m.recoveredPct < 100);
  }, [sessions, library, today]);
  return (
    <section className="plan-recovery" aria-label="Recovery">
      <h2>Recovery</h2>
      {recovery.length === 0 ? (
        <p className="muted">Every muscle is fully recovered.</p>
      ) : (
        <ul>
          {recovery.slice(0, 6).map((m) => (
            <li key={m.muscle}>
              {capitalised(m.muscle)}: {m.recoveredPct} % recovered ({m.sets} set{m.sets === 1 ? "" : "s"} on{" "}
              {formatDay(m.lastDay)}, back to full within 7 days)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
