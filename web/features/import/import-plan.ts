import {
  RESTORE_ORDER,
  toRecords,
  type ExerciseChoice,
  type ParsedExport,
  type ParsedFile,
} from "../../../shared/import";
import type { ImportChunk, ImportPlan, NameChoices } from "./import-types";
import type { ImportRecord } from "./import-writer";

/**
 * Sets per transaction. The write runs in the import worker, so a chunk never holds the page; it
 * is as big as keeps a transaction's commit cost small beside its rows and the progress bar moving
 * (50,000 sets are 10 steps; on a quiet machine 5,000 a chunk took 15.7–20.6 s to 20.4–20.7 s at
 * 2,500).
 */
export const CHUNK_SETS = 5000;

/** A plan and the chunks it stores, in order. */
export interface PlannedImport {
  plan: ImportPlan;
  chunks: ImportChunk[];
}

/** A Strong or Hevy file's workouts as records with the person's name choices, chunked by sets. */
export function planCsv(parsed: ParsedFile, choices: NameChoices, nowMs: number): PlannedImport {
  const { workouts, notKept } = toRecords(
    parsed.workouts,
    new Map<string, ExerciseChoice>(Object.entries(choices)),
    nowMs,
  );
  const chunks: ImportChunk[] = [];
  let chunk: ImportChunk = { records: [], sets: 0 };
  for (const { workout, sets } of workouts) {
    chunk.records.push({ entity: "workout", value: workout });
    for (const s of sets) chunk.records.push({ entity: "set", value: s });
    chunk.sets += sets.length;
    if (chunk.sets >= CHUNK_SETS) {
      chunks.push(chunk);
      chunk = { records: [], sets: 0 };
    }
  }
  if (chunk.records.length > 0) chunks.push(chunk);
  const sets = chunks.reduce((n, c) => n + c.sets, 0);
  return {
    plan: {
      chunks: chunks.length,
      records: workouts.length + sets,
      sets,
      workouts: workouts.length,
      notKept,
    },
    chunks,
  };
}

/** A Spotter export's records, parents first, chunked by count. */
export function planJson(parsed: ParsedExport): PlannedImport {
  const byKind = new Map<string, ImportRecord[]>();
  for (const r of parsed.records) {
    const list = byKind.get(r.entity) ?? [];
    list.push({ entity: r.entity, value: r.value });
    byKind.set(r.entity, list);
  }
  const ordered = RESTORE_ORDER.flatMap((kind) => byKind.get(kind) ?? []);
  const chunks: ImportChunk[] = [];
  for (let i = 0; i < ordered.length; i += CHUNK_SETS) {
    const records = ordered.slice(i, i + CHUNK_SETS);
    chunks.push({ records, sets: records.filter((r) => r.entity === "set").length });
  }
  return {
    plan: {
      chunks: chunks.length,
      records: ordered.length,
      sets: byKind.get("set")?.length ?? 0,
      workouts: byKind.get("workout")?.length ?? 0,
      notKept: null,
    },
    chunks,
  };
}
