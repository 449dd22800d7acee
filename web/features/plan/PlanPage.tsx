import { useMemo, useState } from "react";
import { useLocation } from "wouter";
import { getProfile, LocalWriteError, startWorkout, useLiveQuery } from "../../db";
import { useTranslation } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { localDay } from "../../db/ids";
import { addLift, recommend, removeLift, type PlannedSession, type Program } from "../../../shared/plans";
import { useExerciseLibrary } from "../library/use-exercise-library";
import { LiftList } from "./LiftList";
import { LiftProgress } from "./LiftProgress";
import { loadLoggedSessions } from "./log-sessions";
import { rememberPlannedWorkout } from "./planned-session";
import { useKeepReplay, useKeptReplay } from "./replay-checkpoint";
import { CustomPlanBuilder } from "./CustomPlanBuilder";
import {
  endPlan,
  listPlans,
  setDays,
  setWeekdays,
  skipDay,
  startCustomPlan,
  startProgram,
  swapLift,
} from "./plan-store";
import { PlanEditor } from "./PlanEditor";
import { RecoveryList } from "./RecoveryList";
import { ProgramPicker } from "./ProgramPicker";
import { SessionCard } from "./SessionCard";
import { TrainingDays } from "./TrainingDays";
import { WeekList } from "./WeekList";
import "./plan.css";

/** Plan: pick a program or build one, see today's session and the week with reasons, start it in the Log, skip a day. */
export default function PlanPage() {
  const { t } = useTranslation("plan");
  const library = useExerciseLibrary();
  const profile = useLiveQuery(getProfile, []);
  const plans = useLiveQuery(listPlans, []);
  const sessions = useLiveQuery(loadLoggedSessions, []);
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The day the page opened on: a session is planned for a day, not for a moment.
  const [today] = useState(() => localDay(Date.now()));
  const plan = plans?.find((p) => p.active);
  const replayRead = useKeptReplay(plan?.id);
  const recommendation = useMemo(
    () => (plan && profile && sessions && replayRead ? recommend({ plan, sessions, profile, today }) : null),
    [plan, profile, sessions, today, replayRead],
  );
  useKeepReplay(plan, profile, recommendation);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(
        err instanceof LocalWriteError
          ? errorMessage(err)
          : t("page.notSaved", { message: errorMessage(err) }),
      );
    } finally {
      setBusy(false);
    }
  };
  const follow = (program: Program) => run(() => startProgram(program, today, profile?.trainingDays ?? 3));
  const start = (session: PlannedSession) =>
    run(async () => {
      const workout = await startWorkout({ name: `${plan!.name}: ${session.dayName ?? ""}`.trim() });
      rememberPlannedWorkout(workout.id, session);
      navigate("~/log");
    });

  if (plans === undefined || profile === undefined || sessions === undefined || !replayRead) {
    return (
      <section className="page">
        <h1>{t("page.title")}</h1>
        <p className="muted">{t("page.loading")}</p>
      </section>
    );
  }
  const unit = profile.units;
  return (
    <section className="page plan">
      <h1>{t("page.title")}</h1>
      {error && <p role="alert">{error}</p>}
      {!plan || !recommendation ? (
        <>
          <ProgramPicker onPick={(p) => void follow(p)} busy={busy} />
          <CustomPlanBuilder
            library={library}
            unit={profile.units}
            daysPerWeek={profile.trainingDays}
            busy={busy}
            onSave={(draft) => void run(() => startCustomPlan(draft, today))}
          />
        </>
      ) : (
        <>
          <p className="plan-name">
            <strong>{t("page.following", { name: plan.name })}</strong>{" "}
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void run(() => endPlan(plan))}
            >
              {t("page.changeProgram")}
            </button>
          </p>
          <TrainingDays
            weekdays={plan.weekdays}
            busy={busy}
            onChange={(days) => void run(() => setWeekdays(plan, days))}
          />
          <SessionCard title={t("page.today")} session={recommendation.today} unit={unit} library={library}>
            {recommendation.today.status === "planned" && (
              <div className="row">
                <button type="button" disabled={busy} onClick={() => void start(recommendation.today)}>
                  {t("page.startInLog")}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  onClick={() => void run(() => skipDay(plan, today))}
                >
                  {t("page.skipToday")}
                </button>
              </div>
            )}
          </SessionCard>
          {recommendation.today.status !== "planned" && recommendation.next.status === "planned" && (
            <SessionCard
              title={t("page.nextSession")}
              session={recommendation.next}
              unit={unit}
              library={library}
            >
              <button type="button" disabled={busy} onClick={() => void start(recommendation.next)}>
                {t("page.doItToday")}
              </button>
            </SessionCard>
          )}
          <WeekList week={recommendation.week} unit={unit} library={library} />
          <LiftList
            lifts={recommendation.lifts}
            unit={unit}
            library={library}
            equipment={profile.equipment}
            busy={busy}
            onSwap={(fromId, to) => void run(() => swapLift(plan, fromId, to))}
          />
          <RecoveryList sessions={sessions} library={library} today={today} />
          <PlanEditor
            plan={plan}
            library={library}
            unit={unit}
            busy={busy}
            onSetDays={(days) => void run(() => setDays(plan, days))}
            onAdd={(dayIndex, id) => {
              const exercise = library?.byId.get(id);
              if (exercise) void run(() => setDays(plan, addLift(plan, dayIndex, exercise).days));
            }}
            onRemove={(dayIndex, slotIndex) =>
              void run(() => setDays(plan, removeLift(plan, dayIndex, slotIndex).days))
            }
          />
          <LiftProgress
            slots={plan.days.flatMap((d) => d.slots)}
            sessions={sessions}
            unit={unit}
            library={library}
          />
        </>
      )}
    </section>
  );
}
