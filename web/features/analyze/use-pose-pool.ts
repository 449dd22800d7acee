import { useCallback, useEffect, useRef, useState } from "react";
import type { PoseModelVariant } from "../../pose/assets";
import { createPosePool, type PoolStatus, type PosePool } from "./pose-pool";

/** Loaded workers nobody used for this long are stopped: each holds about 200 MB. */
export const POOL_IDLE_MS = 120_000;

export interface PosePoolHandle {
  /** The pool for a run now: null before the page's first effect and after it is left. */
  current(): PosePool | null;
  status: PoolStatus;
  /** Pre-warms fresh workers again (after a run used them); does nothing once the page is left. */
  refill(): void;
}

/**
 * The Analyze page's pose workers, started (and their model compiled) as the page opens, so a
 * file picked later starts at once; stopped when the page is left or after a while unused.
 */
export function usePosePool(size: 1 | 2, model: PoseModelVariant): PosePoolHandle {
  const [status, setStatus] = useState<PoolStatus>({ state: "loading", progress: null });
  const live = useRef<PosePool | null>(null);

  useEffect(() => {
    const created = createPosePool({ size, init: { model, delegate: "CPU" }, idleMs: POOL_IDLE_MS });
    live.current = created;
    const unsubscribe = created.subscribe(() => setStatus(created.status()));
    created.fill();
    return () => {
      live.current = null;
      unsubscribe();
      created.dispose();
    };
  }, [size, model]);

  const refill = useCallback(() => live.current?.fill(), []);
  const current = useCallback(() => live.current, []);
  return { current, status, refill };
}
