import { personalRecords } from "../../../shared/training/one-rep-max";
import { allSets, useLiveQuery } from "../../db";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import { displayWeight, type WeightUnit } from "./units";

/** Personal records and estimated one-rep max (Epley) per exercise. */
export function Records(props: { unit: WeightUnit; library: ExerciseLibrary | undefined }) {
  const sets = useLiveQuery(allSets, []);
  const records = personalRecords(sets ?? []);
  if (records.length === 0) return null;
  return (
    <section aria-label="Personal records">
      <h2>Personal records</h2>
      <table className="records">
        <thead>
          <tr>
            <th>Exercise</th>
            <th>Heaviest</th>
            <th>Most reps</th>
            <th>Est. 1RM</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.exerciseId}>
              <td>{exerciseName(r.exerciseId, props.library)}</td>
              <td>{displayWeight(r.heaviestKg, props.unit)}</td>
              <td>{r.mostReps}</td>
              <td>{displayWeight(r.bestEstimatedOneRepMaxKg, props.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
