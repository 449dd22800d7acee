import type { SetSummary } from "../../../shared/form";
import { exerciseName, faultLabel } from "../../../shared/form/labels";
import { repWords } from "./announce";

/**
 * A set in a few lines of plain text, to share or paste anywhere: the exercise, reps and average
 * score, then each full rep's score with its faults in words. No ids, no numbers a person would
 * not recognise.
 */
export function setSummaryText(summary: SetSummary): string {
  const head = [`${exerciseName(summary.exerciseId)}: ${repWords(summary.reps)}`];
  if (summary.partialReps > 0) head.push(`${summary.partialReps} partial`);
  if (summary.averageScore !== null) head.push(`form score ${Math.round(summary.averageScore)}`);
  if (summary.holdMs !== undefined) head.push(`held ${(summary.holdMs / 1000).toFixed(1)} s`);
  const lines = [head.join(", ")];
  for (const rep of summary.repResults.filter((r) => !r.partial)) {
    const faults = rep.faults.map((f) => faultLabel(summary.exerciseId, f.id).toLowerCase());
    lines.push(
      `Rep ${rep.index + 1}: ${Math.round(rep.score)}${faults.length ? ` (${faults.join(", ")})` : ""}`,
    );
  }
  lines.push("Coached by Spotter");
  return lines.join("\n");
}
