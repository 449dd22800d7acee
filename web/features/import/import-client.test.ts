import { expose } from "comlink";
import { describe, expect, it } from "vitest";
import { createImportSession, ImportWorkerError, type ImportWorkerPort } from "./import-client";
import type { Analysis, AnalyseProgress } from "./import-types";

// The session's worker is one end of a MessageChannel here, the other end serving a stand-in API:
// the same comlink wiring as the real worker, with the failures it must survive made on purpose.
function session(api: object, stallMs = 100) {
  const { port1, port2 } = new MessageChannel();
  expose(api, port2);
  const worker = Object.assign(port1, { terminate: () => port1.close() }) as unknown as ImportWorkerPort;
  return createImportSession({ stallMs, start: () => worker });
}

const ANALYSIS: Analysis = { kind: "json", counts: { workout: 1 }, invalid: 0, firstInvalid: null };

describe("an import session", () => {
  it("fails with words, not an endless wait, when the worker never answers", async () => {
    const s = session({ analyse: () => new Promise(() => undefined) });
    const failed = await s.analyse(new Blob(["{}"]), "kg", {}, () => undefined).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ImportWorkerError);
    expect((failed as ImportWorkerError).code).toBe("worker_silent");
    s.close();
  });

  it("keeps waiting while the worker reports progress", async () => {
    const s = session(
      {
        async analyse(_f: Blob, _u: string, _r: object, progress: (p: AnalyseProgress) => Promise<void>) {
          // Ten reports 40 ms apart: 400 ms in all, four times the session's 100 ms of allowed silence.
          for (let i = 0; i < 10; i++) {
            await progress({ phase: "parsing" });
            await new Promise((r) => setTimeout(r, 40));
          }
          return ANALYSIS;
        },
      },
      100,
    );
    const phases: string[] = [];
    await expect(s.analyse(new Blob(["{}"]), "kg", {}, (p) => phases.push(p.phase))).resolves.toEqual(
      ANALYSIS,
    );
    expect(phases).toHaveLength(10);
    s.close();
  });

  it("drops a progress report that arrives after the answer, so the page does not go back to 'Reading'", async () => {
    let late: Promise<void> = Promise.resolve();
    const s = session({
      analyse(_f: Blob, _u: string, _r: object, progress: (p: AnalyseProgress) => Promise<void>) {
        // Sent after the answer: it arrives on its own channel once the answer has been taken.
        setTimeout(() => (late = progress({ phase: "parsing" })), 0);
        return ANALYSIS;
      },
    });
    const phases: string[] = [];
    await s.analyse(new Blob(["{}"]), "kg", {}, (p) => phases.push(p.phase));
    await new Promise((r) => setTimeout(r, 0));
    await late;
    expect(phases).toEqual([]);
    s.close();
  });
});
