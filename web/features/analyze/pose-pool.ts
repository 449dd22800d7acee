import { createPoseClient, type PoseClient } from "../../pose/pose-client";
import type { PoseInitOptions, PoseInitResult, PoseLoadProgress } from "../../pose/pose-types";

/** A pose worker started ahead of need, loading or loaded. Whoever takes it terminates it. */
export interface WarmWorker {
  client: PoseClient;
  /** Settles when the model is compiled and warmed up. */
  ready: Promise<PoseInitResult>;
  /** Calls `listener` with the load's latest progress now (if any) and with every later step. */
  watch(listener: (progress: PoseLoadProgress) => void): void;
}

/** Where a run gets its pose workers: the page's pre-warmed pool, or fresh ones. */
export interface WorkerSource {
  take(): WarmWorker;
}

export type StartWorker = (options: PoseInitOptions) => WarmWorker;

/** Starts a pose worker and its model load at once. */
export function startWorker(options: PoseInitOptions, create = createPoseClient): WarmWorker {
  const client = create();
  const listeners = new Set<(progress: PoseLoadProgress) => void>();
  let latest: PoseLoadProgress | null = null;
  const ready = client.init(options, (progress) => {
    latest = progress;
    for (const listener of listeners) listener(progress);
  });
  // Whoever takes the worker awaits `ready`; a pooled one nobody took must not be unhandled.
  ready.catch(() => undefined);
  return {
    client,
    ready,
    watch(listener) {
      listeners.add(listener);
      if (latest) listener(latest);
    },
  };
}

/** Pose workers for this device: two where there are two cores to run them, else one. */
export function deviceWorkers(): 1 | 2 {
  return (navigator.hardwareConcurrency || 1) >= 2 ? 2 : 1;
}

export type PoolStatus =
  | { state: "loading"; progress: PoseLoadProgress | null }
  | { state: "ready"; init: PoseInitResult }
  | { state: "error"; error: unknown }
  /** No worker held: released after a while unused, or all taken by a run. */
  | { state: "empty" };

export interface PosePool extends WorkerSource {
  status(): PoolStatus;
  /** Calls `listener` whenever `status()` may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Starts workers until the pool holds its size again (after a run took them, or after release). */
  fill(): void;
  /** Terminates every worker not taken; the pool stays usable (`take` starts fresh ones). */
  dispose(): void;
}

interface Entry {
  warm: WarmWorker;
  progress: PoseLoadProgress | null;
  init: PoseInitResult | null;
  error: unknown;
}

export interface PoolOptions {
  size: 1 | 2;
  init: PoseInitOptions;
  /** Loaded workers left untaken this long are terminated (each holds about 200 MB). */
  idleMs: number;
  start?: StartWorker;
}

/**
 * Pose workers started, and their models compiled, before they are needed: while a person picks
 * an exercise and a file. A run takes them (a worker that analysed a file is never reused: MediaPipe
 * smooths over its history, so a fresh one keeps results independent of earlier files).
 */
export function createPosePool({ size, init, idleMs, start = startWorker }: PoolOptions): PosePool {
  let entries: Entry[] = [];
  const listeners = new Set<() => void>();
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const stopIdleTimer = () => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
  };
  const release = () => {
    stopIdleTimer();
    for (const entry of entries) entry.warm.client.terminate();
    entries = [];
    changed();
  };
  const armIdleTimer = () => {
    stopIdleTimer();
    if (entries.length > 0 && entries.every((e) => e.init)) idleTimer = setTimeout(release, idleMs);
  };

  const add = () => {
    const entry: Entry = { warm: start(init), progress: null, init: null, error: null };
    entries.push(entry);
    entry.warm.watch((progress) => {
      entry.progress = progress;
      if (entries.includes(entry)) changed();
    });
    entry.warm.ready.then(
      (loaded) => {
        entry.init = loaded;
        if (!entries.includes(entry)) return;
        armIdleTimer();
        changed();
      },
      (error: unknown) => {
        entry.error = error;
        if (entries.includes(entry)) changed();
      },
    );
  };

  return {
    status() {
      if (entries.length === 0) return { state: "empty" };
      const failed = entries.find((e) => e.error !== null);
      if (failed) return { state: "error", error: failed.error };
      const loading = entries.find((e) => !e.init);
      if (loading) return { state: "loading", progress: loading.progress };
      return { state: "ready", init: entries[0]!.init! };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fill() {
      // A worker whose load failed is replaced, so a retry is a fresh start.
      const failed = entries.filter((e) => e.error !== null);
      for (const entry of failed) entry.warm.client.terminate();
      entries = entries.filter((e) => e.error === null);
      while (entries.length < size) add();
      changed();
    },
    take() {
      stopIdleTimer();
      const entry = entries.shift();
      changed();
      return entry ? entry.warm : start(init);
    },
    dispose: release,
  };
}
