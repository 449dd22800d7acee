import type { LiftStatus } from "../../../shared/plans";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import { displayWeight, type WeightUnit } from "../log/units";

interface Props {
  lifts: readonly LiftStatus[];
  unit: WeightUnit;
  library: ExerciseLibrary | undefined;
}

/** Every lift of the plan: where its load stands after the log, and why. */
export function LiftList({ lifts, unit, library }: Props) {
  return (
    <section className="plan-lifts" aria-label="Lifts">
      <h2>Lifts</h2>
      <ul>
        {lifts.map((lift) => (
          <li key={`${lift.exerciseId}-${JSON.stringify(lift.slot.progression)}`}>
            <strong>{exerciseName(lift.exerciseId, library)}</strong>
            {lift.baseKg !== null &&
              ` · ${lift.slot.progression.kind === "wave_531" ? "training max" : "load"} ${displayWeight(lift.baseKg, unit)}`}
            <br />
            <span className="muted">{lift.reason}</span>
            {lift.cue && <span className="plan-cue"> · Cue: {lift.cue}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
