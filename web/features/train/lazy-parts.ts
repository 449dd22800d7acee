// What Train needs only once a set runs: fetched right after the page's first paint, never before
// it, so the controls are live while these arrive (the warm offline start).
import type * as LiveEngine from "./live-engine";
import type * as PoseClientModule from "../../pose/pose-client";

/** Memoises a dynamic import; a failed download (offline, evicted cache) is tried again next time. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    }));
}

/** The form engine, the coach over it, the live loop and the skeleton drawing. */
export const loadLiveEngine: () => Promise<typeof LiveEngine> = once(() => import("./live-engine"));

/** The page side of the pose worker. */
export const loadPoseClient: () => Promise<typeof PoseClientModule> = once(
  () => import("../../pose/pose-client"),
);

/** The live set's numbers and cues, and the summary after it (with the form engine's words). */
export const loadLiveCoaching = once(() => import("./LiveCoaching"));
export const loadSetSummary = once(() => import("./SetSummaryView"));

/** Everything a set needs, fetched in the background (failures surface when a set needs them). */
export function preloadSetParts(): void {
  for (const load of [loadLiveEngine, loadLiveCoaching, loadSetSummary]) void load().catch(() => undefined);
}

/** Runs `work` after the next frame is painted; returns a cancel function. */
export function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const frame = requestAnimationFrame(() => (timer = setTimeout(work, 0)));
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
  };
}
