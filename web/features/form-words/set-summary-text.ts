import type { SetSummary } from "../../../shared/form";
import { formatUnit } from "../../i18n/format";
import { exerciseWord, faultInSentence, formText, repsWord } from "./words";

/**
 * A set in a few lines of plain text, to share or paste anywhere, in the language on screen: the
 * exercise, reps and average score, then each full rep's score with its faults in words. No ids,
 * no numbers a person would not recognise.
 */
export function setSummaryText(summary: SetSummary): string {
  const { exerciseId } = summary;
  const head = [
    formText("summaryText.head", { exercise: exerciseWord(exerciseId), reps: repsWord(summary.reps) }),
  ];
  if (summary.partialReps > 0) head.push(formText("summaryText.partial", { count: summary.partialReps }));
  if (summary.averageScore !== null)
    head.push(formText("summaryText.score", { score: Math.round(summary.averageScore) }));
  if (summary.holdMs !== undefined)
    head.push(
      formText("summaryText.held", {
        duration: formatUnit(summary.holdMs / 1000, "second", { display: "narrow" }),
      }),
    );
  const lines = [head.join(", ")];
  for (const rep of summary.repResults.filter((r) => !r.partial)) {
    const faults = rep.faults.map((f) => faultInSentence(exerciseId, f.id));
    const words = { number: rep.index + 1, score: Math.round(rep.score), faults: faults.join(", ") };
    lines.push(formText(faults.length ? "summaryText.repFaults" : "summaryText.rep", words));
  }
  lines.push(formText("summaryText.footer"));
  return lines.join("\n");
}
