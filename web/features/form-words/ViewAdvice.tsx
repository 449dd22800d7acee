import type { ExerciseId, FrameVerdict } from "../../../shared/form";
import { viewAdvice } from "../../../shared/form/view-advice";

/**
 * What the camera's view kept from being judged, and how to stand so it can be: the engine
 * abstains rather than guesses, and says so.
 */
export function ViewAdvice({
  exerciseId,
  verdicts,
}: {
  exerciseId: ExerciseId;
  verdicts: readonly FrameVerdict[];
}) {
  const advice = viewAdvice(exerciseId, verdicts);
  if (!advice) return null;
  return (
    <p className="view-advice muted" data-testid="view-advice">
      Not judged from this view. {advice}
    </p>
  );
}
