import type { ExerciseId, FaultId } from "../../../shared/form";
import { faultLabel, faultWhy } from "../../../shared/form/labels";
import "./fault-list.css";

/**
 * A rep's faults in words: each fault's name, and under it why it was called (what was measured
 * and the limit). `measured` gives the value that crossed the limit when it is known (a reviewed
 * file keeps every frame; a live set does not), so the line can say the number.
 */
export function FaultList({
  exerciseId,
  faults,
  measured,
}: {
  exerciseId: ExerciseId;
  /** `count` says how often, for a set's totals. */
  faults: readonly { id: FaultId; count?: number }[];
  measured?: (faultId: FaultId) => number | undefined;
}) {
  if (faults.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="fault-list">
      {faults.map(({ id, count }) => {
        const why = faultWhy(exerciseId, id, measured?.(id));
        return (
          <li key={id}>
            <span className="fault-name">
              {faultLabel(exerciseId, id)}
              {count !== undefined && ` ×${count}`}
            </span>
            {why && <span className="fault-why">{why}</span>}
          </li>
        );
      })}
    </ul>
  );
}
