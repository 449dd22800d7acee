import { detectDateFormat } from "./dates";
import type { ImportedSet, ImportedWorkout, ImportSource, ParsedFile, SkipReason } from "./types";
import { ImportFileError } from "./types";

/** One row of a file read into a set, with what identifies its workout. */
export interface RowSet {
  startText: string;
  endText?: string;
  /** The workout's length, when the file gives one instead of an end time. */
  durationMs?: number | null;
  workoutName: string;
  workoutNotes: string;
  set: ImportedSet;
}

/** What one row turned into: a set, or the reason it was left out. */
export type RowResult = RowSet | { skip: SkipReason };

/**
 * Groups row sets into workouts (rows of one workout share its start and name), reading every
 * date in the one format that fits the whole file.
 */
export function groupWorkouts(source: ImportSource, rows: number, results: readonly RowResult[]): ParsedFile {
  const skipped: ParsedFile["skipped"] = {};
  const skip = (reason: SkipReason) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const sets = results.filter((r): r is RowSet => ("skip" in r ? (skip(r.skip), false) : true));
  const samples = [...new Set(sets.flatMap((r) => (r.endText ? [r.startText, r.endText] : [r.startText])))];
  const format = detectDateFormat(samples.filter((s) => s.trim() !== ""));
  if (sets.length > 0 && format === null) {
    throw new ImportFileError(
      "bad_file",
      `The dates in this file (like "${samples[0]}") are in a format Spotter does not read.`,
      "unreadable_dates",
      { sample: samples[0] ?? "" },
    );
  }
  const byKey = new Map<string, ImportedWorkout>();
  for (const row of sets) {
    const startedAt = format?.parse(row.startText) ?? null;
    if (startedAt === null) {
      skip("bad_date");
      continue;
    }
    const key = `${startedAt}\u0000${row.workoutName}`;
    let workout = byKey.get(key);
    if (!workout) {
      const endParsed = row.endText ? format!.parse(row.endText) : null;
      const end = endParsed ?? (row.durationMs ? startedAt + row.durationMs : null);
      workout = {
        source,
        startedAt,
        endedAt: end !== null && end >= startedAt ? end : null,
        name: row.workoutName,
        notes: row.workoutNotes,
        sets: [],
      };
      byKey.set(key, workout);
    }
    workout.sets.push(row.set);
  }
  const workouts = [...byKey.values()].sort((a, b) => a.startedAt - b.startedAt);
  return { source, dateFormat: format?.name ?? "none", workouts, rows, skipped };
}
