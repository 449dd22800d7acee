import { useLiveQuery } from "../../db";
import { personalRecordsByPage } from "./records-by-page";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import { displayWeight, type WeightUnit } from "./units";

/** Personal records and estimated one-rep max (Epley) per exercise. */
export function Records(props: { unit: WeightUnit; library: ExerciseLibrary | undefined }) {
  const records = useLiveQuery(() => personalRecordsByPage(), []) ?? [];
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
