import type { CsvTable } from "./csv";
import {
  distanceUnitCell,
  durationMs,
  numberCell,
  repsCell,
  rpeCell,
  strongSetKind,
  toKg,
  toMetres,
  weightUnitCell,
} from "./fields";
import { groupWorkouts, type RowResult } from "./group";
import type { FileWeightUnit, ParsedFile } from "./types";

/** Columns that say a file is Strong's (both the current comma and the older semicolon format). */
export const STRONG_COLUMNS = ["Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps"];

/** True when the table has Strong's columns. */
export const isStrong = (table: CsvTable) => STRONG_COLUMNS.every((c) => table.header.includes(c));

/**
 * Reads a Strong export. The current format has no unit columns: its weights are in the unit the
 * person set in Strong, which the caller passes as `weightUnit`. The older format names the unit on
 * every row (`Weight Unit`, `Distance Unit`). Rest-timer rows are skipped.
 */
export function parseStrong(table: CsvTable, weightUnit: FileWeightUnit): ParsedFile {
  const distanceFallback = weightUnit === "kg" ? "km" : "mi";
  const results = table.rows.map((row): RowResult => {
    const order = (row["Set Order"] ?? "").trim();
    if (/^rest/i.test(order)) return { skip: "rest_timer" };
    const exerciseName = (row["Exercise Name"] ?? "").trim();
    if (exerciseName === "") return { skip: "no_exercise" };
    const weight = numberCell(row["Weight"]);
    const reps = repsCell(numberCell(row["Reps"]));
    const distance = numberCell(row["Distance"]);
    const seconds = numberCell(row["Seconds"]);
    const rpe = numberCell(row["RPE"]);
    if ([weight, distance, seconds, rpe].some((n) => Number.isNaN(n)) || reps === null) {
      return { skip: "bad_number" };
    }
    const unit = weightUnitCell(row["Weight Unit"], weightUnit);
    const weightKg = weight !== null && weight > 0 ? toKg(weight, unit) : null;
    if (weightKg !== null && weightKg > 1000) return { skip: "bad_number" };
    return {
      startText: row["Date"] ?? "",
      durationMs: durationMs(row["Duration"] ?? row["Workout Duration"]),
      workoutName: (row["Workout Name"] ?? "").trim(),
      workoutNotes: (row["Workout Notes"] ?? "").trim(),
      set: {
        exerciseName,
        kind: strongSetKind(order),
        reps,
        weightKg,
        rpe: rpeCell(rpe),
        durationMs: seconds !== null && seconds > 0 ? Math.round(seconds * 1000) : null,
        distanceM:
          distance !== null && distance > 0
            ? toMetres(distance, distanceUnitCell(row["Distance Unit"], distanceFallback))
            : null,
        notes: (row["Notes"] ?? "").trim(),
      },
    };
  });
  return groupWorkouts("strong", table.rows.length, results);
}
