import { proxy, wrap, type Remote } from "comlink";
import type { RememberedChoices, FileWeightUnit } from "../../../shared/import";
import { notifyLocalWrite } from "../../db/local-writes";
import type { ImportApi } from "./import.worker";
import {
  IMPORT_MARKS,
  type Analysis,
  type AnalyseProgress,
  type NameChoices,
  type StoreResult,
  type WriteProgress,
} from "./import-types";
import type { ExistingPolicy } from "./import-writer";

/**
 * How long the import worker may go without a word (an answer or a progress report) before the
 * page gives up on it. Reading and checking 50,000 sets takes a few seconds and the write reports
 * after every chunk, so this is many times the longest silence of a working import.
 */
export const STALL_MS = 30_000;

/** Why an import did not finish: the worker stopped, or went silent (see `STALL_MS`). */
export class ImportWorkerError extends Error {
  constructor(
    readonly code: "worker_stopped" | "worker_silent",
    message: string,
  ) {
    super(message);
    this.name = "ImportWorkerError";
  }
}

/** A file being imported: the worker that reads and stores it. */
export interface ImportSession {
  analyse(
    file: Blob,
    unit: FileWeightUnit,
    remembered: RememberedChoices,
    onProgress: (p: AnalyseProgress) => void,
  ): Promise<Analysis>;
  store(
    choices: NameChoices,
    policy: ExistingPolicy,
    onProgress: (p: WriteProgress) => void,
  ): Promise<StoreResult>;
  close(): void;
}

/** What the session needs of its worker (tests hand it one end of a MessageChannel). */
export type ImportWorkerPort = Pick<
  Worker,
  "postMessage" | "addEventListener" | "removeEventListener" | "terminate"
>;

const startWorker = (): ImportWorkerPort =>
  new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module", name: "import" });

/**
 * Starts an import worker; `close` ends it (call it when the page is left; a write under way stops
 * after its last committed chunk). Every call fails with an `ImportWorkerError` instead of waiting
 * for ever when the worker's code fails to load or throws, or when it says nothing for `STALL_MS`.
 */
export function createImportSession(
  options: { stallMs?: number; start?: () => ImportWorkerPort } = {},
): ImportSession {
  const { stallMs = STALL_MS, start = startWorker } = options;
  const worker = start();
  const remote: Remote<ImportApi> = wrap<ImportApi>(worker);
  let fail: (err: ImportWorkerError) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    fail = reject;
  });
  stopped.catch(() => undefined);
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    fail(new ImportWorkerError("worker_stopped", event.message || "its code could not load"));
  });
  worker.addEventListener("messageerror", () =>
    fail(new ImportWorkerError("worker_stopped", "a message could not be read")),
  );

  /** Races `call` against the worker stopping, and fails it after `stallMs` without a word. */
  function watched<T>(call: (heard: () => void) => PromiseLike<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let silent: (err: ImportWorkerError) => void = () => undefined;
    const quiet = new Promise<never>((_, reject) => (silent = reject));
    const heard = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => silent(new ImportWorkerError("worker_silent", `no word for ${stallMs / 1000} s`)),
        stallMs,
      );
    };
    heard();
    return Promise.race([call(heard), stopped, quiet]).finally(() => clearTimeout(timer));
  }

  return {
    async analyse(file, unit, remembered, onProgress) {
      let answered = false;
      const analysis = await watched<Analysis>((heard) =>
        remote.analyse(
          file,
          unit,
          remembered,
          proxy((p: AnalyseProgress) => {
            heard();
            // A report can arrive after the answer (it travels on its own channel): it is stale then.
            if (!answered) onProgress(p);
          }),
        ),
      ).finally(() => (answered = true));
      performance.mark(IMPORT_MARKS.analysed);
      return analysis;
    },
    async store(choices, policy, onProgress) {
      let answered = false;
      const result = await watched<StoreResult>((heard) =>
        remote.store(
          choices,
          Date.now(),
          policy,
          proxy((p: WriteProgress) => {
            heard();
            if (answered) return;
            // The chunk is committed: the sync scheduler may push it.
            notifyLocalWrite();
            onProgress(p);
          }),
        ),
      ).finally(() => (answered = true));
      performance.mark(IMPORT_MARKS.written);
      return result;
    },
    close: () => worker.terminate(),
  };
}
