/** Importing other apps' exports and Spotter's own, and exporting the log: pure, no I/O. */
export * from "./types";
export { parseCsv, writeCsv } from "./csv";
export { detectDateFormat, DATE_FORMATS } from "./dates";
export { parseWorkoutCsv, csvStatesWeightUnit } from "./parse-file";
export * from "./exercise-match";
export { toRecords, workoutImportKey, type WorkoutRecords, type NotKept } from "./to-records";
export { stableUuidV7 } from "./stable-id";
export * from "./strong-export";
export * from "./spotter-json";
