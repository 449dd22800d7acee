import type { PlannedSession } from "../../../shared/plans";
import { useTranslation } from "../../i18n";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import type { WeightUnit } from "../log/units";
import { describeSets, formatDay } from "./describe";

interface Props {
  week: readonly PlannedSession[];
  unit: WeightUnit;
  library: ExerciseLibrary | undefined;
}

/** The seven days after today, assuming each session goes as planned. */
export function WeekList({ week, unit, library }: Props) {
  const { t } = useTranslation("plan");
  return (
    <section className="plan-week" aria-label={t("week.title")}>
      <h2>{t("week.title")}</h2>
      <p className="muted">{t("week.assuming")}</p>
      <ol>
        {week.map((day) => (
          <li key={day.date}>
            <strong>{formatDay(day.date)}</strong>{" "}
            {day.status === "planned" ? (
              <>
                {day.dayName}
                <ul>
                  {day.exercises.map((e) => (
                    <li key={`${e.exerciseId}-${e.reasons.sets}`}>
                      {exerciseName(e.exerciseId, library)}: {describeSets(e.sets, unit)}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <span className="muted">{day.status === "skipped" ? t("week.skipped") : t("week.rest")}</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
