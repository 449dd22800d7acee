import { afterEach, describe, expect, it, vi } from "vitest";
import type { PoseClient } from "../../pose/pose-client";
import type { PoseInitResult, PoseLoadProgress } from "../../pose/pose-types";
import { createPosePool, type WarmWorker } from "./pose-pool";

const LOADED: PoseInitResult = { model: "lite", delegate: "CPU", initMs: 100 };

/** Workers whose loads finish (or fail) when the test says so, and which remember being stopped. */
function fakeWorkers() {
  const started: {
    warm: WarmWorker;
    terminated: boolean;
    load: () => void;
    fail: () => void;
    step: (p: PoseLoadProgress) => void;
  }[] = [];
  const start = (): WarmWorker => {
    let load = () => undefined as void;
    let fail = () => undefined as void;
    const listeners: ((p: PoseLoadProgress) => void)[] = [];
    const ready = new Promise<PoseInitResult>((resolve, reject) => {
      load = () => resolve(LOADED);
      fail = () => reject(new Error("no model"));
    });
    ready.catch(() => undefined);
    const record = {
      terminated: false,
      load,
      fail,
      step: (p: PoseLoadProgress) => listeners.forEach((l) => l(p)),
      warm: {
        client: { terminate: () => void (record.terminated = true) } as unknown as PoseClient,
        ready,
        watch: (listener: (p: PoseLoadProgress) => void) => void listeners.push(listener),
      },
    };
    started.push(record);
    return record.warm;
  };
  return { started, start };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const init = { model: "lite", delegate: "CPU" } as const;

afterEach(() => vi.useRealTimers());

describe("the Analyze page's pose workers", () => {
  it("load while the person picks a file, and say when they are ready", async () => {
    const { started, start } = fakeWorkers();
    const pool = createPosePool({ size: 2, init, idleMs: 60_000, start });
    pool.fill();
    expect(started).toHaveLength(2);
    const compiling = { stage: "compile", loadedBytes: 0, totalBytes: 1 } as const;
    started[0]!.step(compiling);
    expect(pool.status()).toEqual({ state: "loading", progress: compiling });
    started[0]!.load();
    await settle();
    expect(pool.status().state).toBe("loading");
    started[1]!.load();
    await settle();
    expect(pool.status()).toEqual({ state: "ready", init: LOADED });
    // A run takes the loaded workers; a third is started fresh, none is shared.
    const taken = [pool.take(), pool.take(), pool.take()];
    expect(taken.slice(0, 2)).toEqual(started.slice(0, 2).map((s) => s.warm));
    expect(started).toHaveLength(3);
    expect(pool.status()).toEqual({ state: "empty" });
    pool.dispose();
    expect(started.some((s) => s.terminated)).toBe(false);
  });

  it("stops the workers nobody took when the page is left, even mid-load", () => {
    const { started, start } = fakeWorkers();
    const pool = createPosePool({ size: 2, init, idleMs: 60_000, start });
    pool.fill();
    pool.dispose();
    expect(started.map((s) => s.terminated)).toEqual([true, true]);
    expect(pool.status()).toEqual({ state: "empty" });
  });

  it("frees the memory after a while unused, and loads again when asked", async () => {
    vi.useFakeTimers();
    const { started, start } = fakeWorkers();
    const pool = createPosePool({ size: 1, init, idleMs: 60_000, start });
    pool.fill();
    started[0]!.load();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(started[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(started[0]!.terminated).toBe(true);
    expect(pool.status()).toEqual({ state: "empty" });
    pool.fill();
    expect(started).toHaveLength(2);
    expect(pool.status().state).toBe("loading");
  });

  it("reports a failed load, and a refill replaces the failed worker", async () => {
    const { started, start } = fakeWorkers();
    const pool = createPosePool({ size: 1, init, idleMs: 60_000, start });
    pool.fill();
    started[0]!.fail();
    await settle();
    expect(pool.status().state).toBe("error");
    pool.fill();
    expect(started[0]!.terminated).toBe(true);
    expect(started).toHaveLength(2);
    expect(pool.status().state).toBe("loading");
  });
});
