import type { EntityKind } from "../../../shared/schemas/entities";
import type {
  ExerciseChoice,
  ImportFileReason,
  LibraryEntry,
  NotKept,
  ParsedFile,
} from "../../../shared/import";
import type { ImportRecord } from "./import-writer";

/** Marks at the moments a person waits for, so traces and the import benchmark measure the same. */
export const IMPORT_MARKS = {
  analysed: "import:analysed",
  written: "import:written",
} as const;

/** An imported name the person may review: how it maps now and what else might fit. */
export interface NameReview {
  name: string;
  sets: number;
  /** The match found without asking (library, alias or remembered), or null. */
  match: ExerciseChoice | null;
  suggestions: LibraryEntry[];
}

/** What the worker found in a file, before anything is stored. */
export type Analysis =
  | {
      kind: "csv";
      source: ParsedFile["source"];
      dateFormat: string;
      rows: number;
      skipped: ParsedFile["skipped"];
      workouts: number;
      sets: number;
      firstMs: number | null;
      lastMs: number | null;
      /** Whether the file names its weight unit (else the unit chosen on the page applies). */
      statesUnit: boolean;
      names: NameReview[];
    }
  | {
      kind: "json";
      counts: Partial<Record<EntityKind, number>>;
      invalid: number;
      firstInvalid: string | null;
    }
  | {
      /** A file the importer cannot read: why, by code, with what the words need. */
      kind: "unreadable";
      reason: ImportFileReason;
      params: Record<string, string>;
    };

/** The plan for storing an analysed file: how many chunks and what they hold. */
export interface ImportPlan {
  chunks: number;
  records: number;
  sets: number;
  workouts: number;
  notKept: NotKept | null;
}

/** One chunk of records to store in one transaction. */
export interface ImportChunk {
  records: ImportRecord[];
  sets: number;
}

/** Where the worker is while analysing a file. */
export interface AnalyseProgress {
  phase: "reading" | "parsing" | "matching";
}

/** The choices the person made for names, by the name as the file spells it. */
export type NameChoices = Record<string, ExerciseChoice>;

/** What an import stored and left alone, per kind of record. */
export interface ImportTotals {
  written: Partial<Record<EntityKind, number>>;
  skipped: Partial<Record<EntityKind, number>>;
}

/** Progress of the write: records stored so far (committed), out of the plan's. */
export interface WriteProgress {
  records: number;
  totalRecords: number;
}

/** The end of a write: the plan it followed and what it did. */
export interface StoreResult {
  plan: ImportPlan;
  totals: ImportTotals;
}
