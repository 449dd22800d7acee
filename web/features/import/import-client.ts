import { proxy, wrap, type Remote } from "comlink";
import type { RememberedChoices, FileWeightUnit } from "../../../shared/import";
import type { EntityKind } from "../../../shared/schemas/entities";
import type { ImportApi } from "./import.worker";
import {
  IMPORT_MARKS,
  type Analysis,
  type AnalyseProgress,
  type ImportPlan,
  type NameChoices,
} from "./import-types";
import { writeImportChunk, type ExistingPolicy } from "./import-writer";

/** What an import stored and left alone, per kind of record. */
export interface ImportTotals {
  written: Partial<Record<EntityKind, number>>;
  skipped: Partial<Record<EntityKind, number>>;
}

/** Progress of the write: sets and records stored so far, out of the plan's. */
export interface WriteProgress {
  records: number;
  totalRecords: number;
}

/** A file being imported: the worker that read it and the steps left. */
export interface ImportSession {
  analyse(
    file: Blob,
    unit: FileWeightUnit,
    remembered: RememberedChoices,
    onProgress: (p: AnalyseProgress) => void,
  ): Promise<Analysis>;
  plan(choices: NameChoices): Promise<ImportPlan>;
  write(
    plan: ImportPlan,
    policy: ExistingPolicy,
    onProgress: (p: WriteProgress) => void,
    signal?: AbortSignal,
  ): Promise<ImportTotals>;
  close(): void;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Starts an import worker; `close` ends it (call it when the page is left). */
export function createImportSession(): ImportSession {
  const worker = new Worker(new URL("./import.worker.ts", import.meta.url), {
    type: "module",
    name: "import",
  });
  const remote: Remote<ImportApi> = wrap<ImportApi>(worker);
  // A worker whose code fails to load or throws never answers: without this the page would wait
  // on "Reading its rows…" for ever. Every call races it and fails with words instead.
  const stopped = new Promise<never>((_, reject) => {
    const fail = (detail: string) =>
      reject(new Error(`The importer stopped (${detail}). Reload the page and try again.`));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fail(event.message || "its code could not load");
    });
    worker.addEventListener("messageerror", () => fail("a message could not be read"));
  });
  stopped.catch(() => undefined);
  const answer = <T>(call: PromiseLike<T>): Promise<T> => Promise.race([call, stopped]);
  return {
    async analyse(file, unit, remembered, onProgress) {
      const analysis = await answer<Analysis>(remote.analyse(file, unit, remembered, proxy(onProgress)));
      performance.mark(IMPORT_MARKS.analysed);
      return analysis;
    },
    plan: (choices) => answer(remote.plan(choices, Date.now())),
    async write(plan, policy, onProgress, signal) {
      const totals: ImportTotals = { written: {}, skipped: {} };
      let records = 0;
      // The worker hands over the next chunk while this one is being stored.
      let next = plan.chunks > 0 ? answer(remote.chunk(0)) : null;
      for (let i = 0; i < plan.chunks; i++) {
        signal?.throwIfAborted();
        const chunk = await next!;
        next = i + 1 < plan.chunks ? answer(remote.chunk(i + 1)) : null;
        const result = await writeImportChunk(chunk.records, policy);
        for (const [kind, n] of Object.entries(result.written) as [EntityKind, number][])
          totals.written[kind] = (totals.written[kind] ?? 0) + n;
        for (const [kind, n] of Object.entries(result.skipped) as [EntityKind, number][])
          totals.skipped[kind] = (totals.skipped[kind] ?? 0) + n;
        records += chunk.records.length;
        onProgress({ records, totalRecords: plan.records });
        // Lets the page paint the progress and answer input between chunks.
        await nextTask();
      }
      performance.mark(IMPORT_MARKS.written);
      return totals;
    },
    close: () => worker.terminate(),
  };
}
