import { useState } from "react";
import { swapCandidates, type LiftStatus } from "../../../shared/plans";
import type { Equipment } from "../../../shared/schemas/profile";
import type { Exercise } from "../../../shared/schemas/exercise";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import type { WeightUnit } from "../log/units";
import { useTranslation } from "../../i18n";
import { formatWeight } from "../../i18n/format";
import { correctiveWhy, planText } from "./plan-words";

interface Props {
  lifts: readonly LiftStatus[];
  unit: WeightUnit;
  library: ExerciseLibrary | undefined;
  equipment: readonly Equipment[];
  busy: boolean;
  onSwap: (fromId: string, to: Exercise) => void;
}

/** Every lift of the plan: where its load stands after the log and why, and what it could be swapped for. */
export function LiftList({ lifts, unit, library, equipment, busy, onSwap }: Props) {
  const { t } = useTranslation("plan");
  const [swapping, setSwapping] = useState<string | null>(null);
  return (
    <section className="plan-lifts" aria-label={t("lifts.title")}>
      <h2>{t("lifts.title")}</h2>
      <ul>
        {lifts.map((lift) => {
          const name = exerciseName(lift.exerciseId, library);
          const original = library?.byId.get(lift.exerciseId);
          const options =
            library && original && swapping === lift.exerciseId
              ? swapCandidates(original, library.exercises, equipment)
              : [];
          return (
            <li key={`${lift.exerciseId}-${JSON.stringify(lift.slot.progression)}`}>
              <strong>{name}</strong>
              {lift.baseKg !== null &&
                ` · ${t(lift.slot.progression.kind === "wave_531" ? "lifts.trainingMax" : "lifts.load", { load: formatWeight(lift.baseKg, unit) })}`}{" "}
              {original && (
                <button
                  type="button"
                  className="secondary"
                  aria-label={t("lifts.swapLabel", { name })}
                  onClick={() => setSwapping(swapping === lift.exerciseId ? null : lift.exerciseId)}
                >
                  {t("lifts.swap")}
                </button>
              )}
              <br />
              <span className="muted">{planText(lift.reasonWords)}</span>
              {lift.cue && <span className="plan-cue"> · {t("session.cue", { cue: lift.cue })}</span>}
              {lift.corrective && (
                <span className="plan-cue">
                  {" · "}
                  {t("session.corrective", {
                    name: exerciseName(lift.corrective.exerciseId, library),
                    why: correctiveWhy(lift.corrective),
                  })}
                </span>
              )}
              {swapping === lift.exerciseId && (
                <div className="plan-swap" role="group" aria-label={t("lifts.swapFor", { name })}>
                  {options.length === 0 ? (
                    <p className="muted">{t("lifts.noSwap")}</p>
                  ) : (
                    options.map((option) => (
                      <button
                        key={option.id}
                        type="button"
                        className="secondary"
                        disabled={busy}
                        onClick={() => {
                          setSwapping(null);
                          onSwap(lift.exerciseId, option);
                        }}
                      >
                        {option.name}
                      </button>
                    ))
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
