/** Which app wrote a file: the importer's formats. */
export const IMPORT_SOURCES = ["strong", "hevy"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** Weight units a file may use. */
export type FileWeightUnit = "kg" | "lb";

/** How the source app marked a set; Spotter keeps every kind as a set. */
export type ImportedSetKind = "normal" | "warmup" | "dropset" | "failure";

/** One set as the file states it, already in kg, ms and metres. */
export interface ImportedSet {
  /** The exercise's name exactly as the file spells it (mapped onto the library later). */
  exerciseName: string;
  kind: ImportedSetKind;
  reps: number;
  weightKg: number | null;
  rpe: number | null;
  durationMs: number | null;
  distanceM: number | null;
  notes: string;
}

/** One workout as the file states it, its sets in the file's order. */
export interface ImportedWorkout {
  source: ImportSource;
  startedAt: number;
  endedAt: number | null;
  name: string;
  notes: string;
  sets: ImportedSet[];
}

/** Why rows of a file were not used, with how many. */
export type SkipReason = "rest_timer" | "bad_date" | "bad_number" | "no_exercise";

/** What a parser made of a file. */
export interface ParsedFile {
  source: ImportSource;
  /** The file's own date format, as detected (shown to the person). */
  dateFormat: string;
  workouts: ImportedWorkout[];
  rows: number;
  skipped: Partial<Record<SkipReason, number>>;
}

/** Why a file cannot be read, finer than `ImportFileError.code`: the UI words it by this code. */
export const IMPORT_FILE_REASONS = [
  "empty_file",
  "not_a_table",
  "unknown_columns",
  "unreadable_dates",
  "not_json",
  "not_spotter_json",
] as const;
export type ImportFileReason = (typeof IMPORT_FILE_REASONS)[number];

/**
 * A file the importer cannot read: `code` says why in general, `reason` exactly (with `params`, such
 * as a date it could not read), `message` says it in English (scripts and tests).
 */
export class ImportFileError extends Error {
  constructor(
    readonly code: "unknown_format" | "empty_file" | "bad_file",
    message: string,
    readonly reason: ImportFileReason = code === "empty_file" ? "empty_file" : "not_a_table",
    readonly params: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ImportFileError";
  }
}
