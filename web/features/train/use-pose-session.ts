import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PoseClient } from "../../pose/pose-client";
import type { PoseInitOptions, PoseInitResult, PoseLoadProgress } from "../../pose/pose-types";
import { afterPaint, loadPoseClient, preloadSetParts } from "./lazy-parts";

export type PoseStatus = "loading" | "ready" | "error";

export interface PoseSession {
  status: PoseStatus;
  progress: PoseLoadProgress | null;
  loaded: PoseInitResult | null;
  error: string | null;
  client: PoseClient | null;
}

export interface PoseSessionHandle extends PoseSession {
  /**
   * The current choice's client once its code has arrived (at once when it has). Rejects when
   * `signal` aborts or the code cannot load, so a Start pressed early waits instead of racing it.
   */
  waitForClient(signal: AbortSignal): Promise<PoseClient>;
}

const LOADING: PoseSession = { status: "loading", progress: null, loaded: null, error: null, client: null };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Starts a pose worker with the chosen model and delegate, and a fresh one whenever either
 * changes. Its code, the form engine's and the model load right after the page's first paint, so
 * the controls are live before them; `status` says when the model is ready, and a set can start
 * while it loads.
 */
export function usePoseSession({ model, delegate }: PoseInitOptions): PoseSessionHandle {
  const key = `${model}/${delegate}`;
  // Tagged with the choice it belongs to, so a change of model reads as "loading" at once.
  const [state, setState] = useState<{ key: string; session: PoseSession }>({ key, session: LOADING });
  const waiters = useRef(new Set<{ resolve: (c: PoseClient) => void; reject: (e: unknown) => void }>());
  const latest = useRef<PoseClient | null>(null);

  useEffect(() => {
    let current = true;
    let client: PoseClient | null = null;
    latest.current = null;
    const update = (change: (s: PoseSession) => PoseSession) =>
      setState((s) => ({ key, session: change(s.key === key ? s.session : LOADING) }));
    const fail = (error: unknown) => {
      if (!current) return;
      update(() => ({ ...LOADING, status: "error", error: errorText(error) }));
      for (const w of waiters.current) w.reject(error);
      waiters.current.clear();
    };
    const cancel = afterPaint(() => {
      // The form engine's chunks too, so a set started now does not wait for them.
      preloadSetParts();
      loadPoseClient().then(({ createPoseClient }) => {
        if (!current) return;
        performance.mark("train:pose-client-loaded");
        const created = createPoseClient();
        client = created;
        latest.current = created;
        // Handed out at once: the camera can start while the model loads (live frames wait for it).
        update((s) => ({ ...s, client: created }));
        for (const w of waiters.current) w.resolve(created);
        waiters.current.clear();
        created
          .init({ model, delegate }, (progress) => {
            if (current) update((s) => ({ ...s, progress }));
          })
          .then((loaded) => {
            if (current)
              update(() => ({ status: "ready", progress: null, loaded, error: null, client: created }));
          }, fail);
      }, fail);
    });
    return () => {
      current = false;
      cancel();
      client?.terminate();
    };
  }, [key, model, delegate]);

  const waitForClient = useCallback((signal: AbortSignal) => {
    if (latest.current) return Promise.resolve(latest.current);
    return new Promise<PoseClient>((resolve, reject) => {
      const waiter = {
        resolve: (c: PoseClient) => {
          signal.removeEventListener("abort", onAbort);
          resolve(c);
        },
        reject: (e: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(e);
        },
      };
      const onAbort = () => {
        waiters.current.delete(waiter);
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      waiters.current.add(waiter);
    });
  }, []);

  const session = state.key === key ? state.session : LOADING;
  return useMemo(() => ({ ...session, waitForClient }), [session, waitForClient]);
}

/** Share of the current load stage done, 0..1, for the progress bar. */
export function progressShare(progress: PoseLoadProgress | null): number {
  if (!progress || progress.totalBytes === 0) return 0;
  const stageShare = progress.loadedBytes / progress.totalBytes;
  // Runtime, model and compile each take about a third of the bar.
  const offset = { runtime: 0, model: 1, compile: 2 }[progress.stage];
  return Math.min(1, (offset + stageShare) / 3);
}
