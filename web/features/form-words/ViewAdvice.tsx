import type { ExerciseId, FrameVerdict } from "../../../shared/form";
import { viewAdviceItems } from "../../../shared/form/view-advice";
import { useTranslation } from "../../i18n";
import { viewAdviceWords } from "./words";

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
  const { t } = useTranslation("form");
  const items = viewAdviceItems(exerciseId, verdicts);
  if (items.length === 0) return null;
  return (
    <p className="view-advice muted" data-testid="view-advice">
      {t("view.notJudged")} {viewAdviceWords(exerciseId, items)}
    </p>
  );
}
