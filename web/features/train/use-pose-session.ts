import { useEffect, useState } from "react";
import { createPoseClient, type PoseClient } from "../../pose/pose-client";
import type { PoseInitOptions, PoseInitResult, PoseLoadProgress } from "../../pose/pose-types";

export type PoseStatus = "loading" | "ready" | "error";

export interface PoseSession {
  status: PoseStatus;
  progress: PoseLoadProgress | null;
  loaded: PoseInitResult | null;
  error: string | null;
  client: PoseClient | null;
}

const LOADING: PoseSession = { status: "loading", progress: null, loaded: null, error: null, client: null };

/**
 * Starts a pose worker with the chosen model and delegate, and a fresh one whenever either
 * changes. The model loads as soon as the page opens; `client` is there from the start, so a set
 * can start while it loads (status says when it is ready).
 */
export function usePoseSession({ model, delegate }: PoseInitOptions): PoseSession {
  const key = `${model}/${delegate}`;
  // Tagged with the choice it belongs to, so a change of model reads as "loading" at once.
  const [state, setState] = useState<{ key: string; session: PoseSession }>({ key, session: LOADING });

  useEffect(() => {
    const client = createPoseClient();
    let current = true;
    const update = (change: (s: PoseSession) => PoseSession) =>
      setState((s) => ({ key, session: change(s.key === key ? s.session : LOADING) }));
    // Handed out at once: the camera can start while the model loads (live frames wait for it).
    update((s) => ({ ...s, client }));
    client
      .init({ model, delegate }, (progress) => {
        if (current) update((s) => ({ ...s, progress }));
      })
      .then(
        (loaded) => {
          if (current) update(() => ({ status: "ready", progress: null, loaded, error: null, client }));
        },
        (error: unknown) => {
          if (!current) return;
          const message = error instanceof Error ? error.message : String(error);
          update(() => ({ ...LOADING, status: "error", error: `The pose model could not load: ${message}` }));
        },
      );
    return () => {
      current = false;
      client.terminate();
    };
  }, [key, model, delegate]);

  return state.key === key ? state.session : LOADING;
}

/** Share of the current load stage done, 0..1, for the progress bar. */
export function progressShare(progress: PoseLoadProgress | null): number {
  if (!progress || progress.totalBytes === 0) return 0;
  const stageShare = progress.loadedBytes / progress.totalBytes;
  // Runtime, model and compile each take about a third of the bar.
  const offset = { runtime: 0, model: 1, compile: 2 }[progress.stage];
  return Math.min(1, (offset + stageShare) / 3);
}
