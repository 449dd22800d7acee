import type { CsvTable } from "./csv";
import { hevySetKind, numberCell, repsCell, rpeCell, toKg, toMetres } from "./fields";
import { groupWorkouts, type RowResult } from "./group";
import type { ParsedFile } from "./types";

/** Columns that say a file is Hevy's (its weight and distance columns name their unit). */
export const HEVY_COLUMNS = ["title", "start_time", "exercise_title", "set_index", "reps"];

/** True when the table has Hevy's columns. */
export const isHevy = (table: CsvTable) => HEVY_COLUMNS.every((c) => table.header.includes(c));

/** Reads a Hevy export: `weight_kg` or `weight_lbs`, `distance_km` or `distance_miles`. */
export function parseHevy(table: CsvTable): ParsedFile {
  const weightColumn = table.header.includes("weight_lbs") ? "weight_lbs" : "weight_kg";
  const weightUnit = weightColumn === "weight_lbs" ? "lb" : "kg";
  const distanceColumn = table.header.includes("distance_miles") ? "distance_miles" : "distance_km";
  const distanceUnit = distanceColumn === "distance_miles" ? "mi" : "km";
  const results = table.rows.map((row): RowResult => {
    const exerciseName = (row["exercise_title"] ?? "").trim();
    if (exerciseName === "") return { skip: "no_exercise" };
    const weight = numberCell(row[weightColumn]);
    const reps = repsCell(numberCell(row["reps"]));
    const distance = numberCell(row[distanceColumn]);
    const seconds = numberCell(row["duration_seconds"]);
    const rpe = numberCell(row["rpe"]);
    if ([weight, distance, seconds, rpe].some((n) => Number.isNaN(n)) || reps === null) {
      return { skip: "bad_number" };
    }
    const weightKg = weight !== null && weight > 0 ? toKg(weight, weightUnit) : null;
    if (weightKg !== null && weightKg > 1000) return { skip: "bad_number" };
    const notes = (row["exercise_notes"] ?? "").trim();
    return {
      startText: row["start_time"] ?? "",
      endText: row["end_time"] ?? "",
      workoutName: (row["title"] ?? "").trim(),
      workoutNotes: (row["description"] ?? "").trim(),
      set: {
        exerciseName,
        kind: hevySetKind(row["set_type"]),
        reps,
        weightKg,
        rpe: rpeCell(rpe),
        durationMs: seconds !== null && seconds > 0 ? Math.round(seconds * 1000) : null,
        distanceM: distance !== null && distance > 0 ? toMetres(distance, distanceUnit) : null,
        notes,
      },
    };
  });
  return groupWorkouts("hevy", table.rows.length, results);
}
