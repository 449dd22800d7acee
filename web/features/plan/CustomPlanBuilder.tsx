import { useState } from "react";
import {
  defaultWeekdays,
  draftProblems,
  liftDraft,
  type DayDraft,
  type PlanDraft,
  type ReasonWords,
} from "../../../shared/plans";
import type { ExerciseLibrary } from "../library/exercise-data";
import { ExercisePicker } from "../log/ExercisePicker";
import type { WeightUnit } from "../log/units";
import { CustomLiftFields } from "./CustomLiftFields";
import { planText } from "./plan-words";
import { i18n, useTranslation } from "../../i18n";
import { TrainingDays } from "./TrainingDays";

interface Props {
  library: ExerciseLibrary | undefined;
  unit: WeightUnit;
  daysPerWeek: number;
  busy: boolean;
  onSave: (draft: PlanDraft) => void;
}

const newDay = (n: number): DayDraft => ({ name: i18n.t("plan:builder.day", { n }), lifts: [] });

/** Build a plan from scratch: days in rotation, lifts from the library, each with its progression. */
export function CustomPlanBuilder({ library, unit, daysPerWeek, busy, onSave }: Props) {
  const { t } = useTranslation("plan");
  const [draft, setDraft] = useState<PlanDraft>(() => ({
    name: t("builder.defaultName"),
    weekdays: defaultWeekdays(daysPerWeek > 0 ? daysPerWeek : 3),
    days: [newDay(1)],
  }));
  const [problems, setProblems] = useState<ReasonWords[]>([]);
  const setDay = (i: number, day: DayDraft) =>
    setDraft({ ...draft, days: draft.days.map((d, j) => (j === i ? day : d)) });
  const save = () => {
    const found = draftProblems(draft);
    setProblems(found);
    if (found.length === 0) onSave(draft);
  };
  return (
    <section className="plan-build" aria-label={t("builder.title")}>
      <h2>{t("builder.title")}</h2>
      <label>
        {t("builder.planName")}{" "}
        <input
          value={draft.name}
          maxLength={120}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      <TrainingDays
        weekdays={draft.weekdays}
        busy={busy}
        onChange={(weekdays) => setDraft({ ...draft, weekdays })}
      />
      {draft.days.map((day, i) => (
        <fieldset key={i} className="plan-build-day" aria-label={t("builder.dayLabel", { n: i + 1 })}>
          <legend>{t("builder.day", { n: i + 1 })}</legend>
          <label>
            {t("builder.dayName")}{" "}
            <input
              value={day.name}
              maxLength={60}
              onChange={(e) => setDay(i, { ...day, name: e.target.value })}
            />
          </label>
          <ul>
            {day.lifts.map((lift, j) => (
              <CustomLiftFields
                key={`${lift.exerciseId}-${j}`}
                lift={lift}
                dayName={day.name}
                unit={unit}
                onChange={(changed) =>
                  setDay(i, { ...day, lifts: day.lifts.map((l, k) => (k === j ? changed : l)) })
                }
                onRemove={() => setDay(i, { ...day, lifts: day.lifts.filter((_, k) => k !== j) })}
              />
            ))}
          </ul>
          <ExercisePicker
            library={library}
            onPick={(id) => {
              const exercise = library?.byId.get(id);
              if (exercise) setDay(i, { ...day, lifts: [...day.lifts, liftDraft(exercise)] });
            }}
          />
          {draft.days.length > 1 && (
            <button
              type="button"
              className="secondary"
              onClick={() => setDraft({ ...draft, days: draft.days.filter((_, j) => j !== i) })}
            >
              {t("builder.removeDay", { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <div className="row">
        {draft.days.length < 14 && (
          <button
            type="button"
            className="secondary"
            onClick={() => setDraft({ ...draft, days: [...draft.days, newDay(draft.days.length + 1)] })}
          >
            {t("builder.addDay")}
          </button>
        )}
        <button type="button" disabled={busy} onClick={save}>
          {t("builder.save")}
        </button>
      </div>
      {problems.length > 0 && (
        <ul role="alert" aria-label={t("builder.problems")}>
          {problems.map((p) => (
            <li key={planText(p)}>{planText(p)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
