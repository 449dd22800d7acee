import { useMemo } from "react";
import { muscleRecovery, type LoggedSession } from "../../../shared/plans";
import {
  COACHED_DATASET_IDS,
  COACH_EXERCISE_IDS,
  type CoachExerciseId,
} from "../../../shared/schemas/exercise";
import type { ExerciseLibrary } from "../library/exercise-data";
import { formatDay } from "./describe";
import { useTranslation } from "../../i18n";
import { formatDecimal, formatPercent } from "../../i18n/format";

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
  const { t } = useTranslation("plan");
  const recovery = useMemo(() => {
    if (!library) return [];
    // A camera set names the coached movement; its first library exercise stands for its muscles.
    const musclesOf = (id: string) =>
      library.byId.get(id) ??
      (isEngineId(id) ? (library.byId.get(COACHED_DATASET_IDS[id][0] ?? "") ?? null) : null);
    return muscleRecovery(sessions, musclesOf, today).filter((m) => m.recoveredPct < 100);
  }, [sessions, library, today]);
  return (
    <section className="plan-recovery" aria-label={t("recovery.title")}>
      <h2>{t("recovery.title")}</h2>
      {recovery.length === 0 ? (
        <p className="muted">{t("recovery.allRecovered")}</p>
      ) : (
        <ul>
          {recovery.slice(0, 6).map((m) => (
            <li key={m.muscle}>
              {t("recovery.item", {
                muscle: capitalised(m.muscle),
                pct: formatPercent(m.recoveredPct / 100),
                sets: t("recovery.sets", { count: m.sets, n: formatDecimal(m.sets) }),
                day: formatDay(m.lastDay),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
