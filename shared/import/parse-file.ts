import { parseCsv } from "./csv";
import { isHevy, parseHevy } from "./hevy";
import { isStrong, parseStrong } from "./strong";
import { ImportFileError, type FileWeightUnit, type ParsedFile } from "./types";

/**
 * Reads a CSV export of Strong or Hevy, recognised by its columns. `strongWeightUnit` is the unit of
 * a current-format Strong file, which does not say it (older Strong files and Hevy files do).
 */
export function parseWorkoutCsv(text: string, strongWeightUnit: FileWeightUnit): ParsedFile {
  const table = parseCsv(text);
  if (isStrong(table)) return parseStrong(table, strongWeightUnit);
  if (isHevy(table)) return parseHevy(table);
  throw new ImportFileError(
    "unknown_format",
    "This file's columns are not those of a Strong or Hevy export, or of Spotter's own CSV.",
    "unknown_columns",
  );
}

/** True when a Strong file names its weight unit on each row (the older semicolon format). */
export function csvStatesWeightUnit(text: string): boolean {
  const firstLine = text.slice(0, 2000).split(/\r?\n/, 1)[0] ?? "";
  return /weight unit|weight_kg|weight_lbs/i.test(firstLine);
}
