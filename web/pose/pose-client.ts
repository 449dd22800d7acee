import { proxy, transfer, wrap, type Remote } from "comlink";
import type { PoseApi } from "./pose.worker";
import {
  POSE_MARKS,
  PoseError,
  type PoseFrameSource,
  type PoseInitOptions,
  type PoseInitResult,
  type PoseResult,
  type ProgressCallback,
} from "./pose-types";

export interface PoseClientStats {
  sent: number;
  dropped: number;
  /** Live frames that arrived while the model was still loading (nothing captured or sent). */
  beforeReady: number;
  inferenceMs: number[];
  /** Time inside the worker per frame: pixel conversion plus inference. */
  workerMs: number[];
  roundTripMs: number[];
}

export interface PoseClient {
  init(opts: PoseInitOptions, onProgress?: ProgressCallback): Promise<PoseInitResult>;
  /**
   * Live: sends the frame only if none is in flight; otherwise closes it and counts a drop. Before
   * `init` has finished, live frames are neither captured nor sent (counted in `beforeReady`), so
   * the camera can run while the model compiles and analysis starts the moment it is ready.
   */
  offer(frame: PoseFrameSource, tMs: number): Promise<PoseResult | null>;
  /**
   * Live, cheaper: grabs a frame with `capture` only when the worker is idle, so a busy worker
   * costs the page no frame copy; otherwise counts a drop.
   */
  offerCapture(capture: () => Promise<PoseFrameSource>, tMs: number): Promise<PoseResult | null>;
  /**
   * Files: never drops. Sent at once; the worker runs detections one after another in the order
   * sent, so a few frames sent ahead keep it busy while the page is slow to answer.
   */
  detect(frame: PoseFrameSource, tMs: number, signal?: AbortSignal): Promise<PoseResult>;
  /** Worker start to the first frame with a person, or null before any. */
  firstLandmarksMs(): Promise<number | null>;
  stats(): PoseClientStats;
  terminate(): void;
}

// Enough history for percentiles over a long set without growing without bound.
const MAX_SAMPLES = 2000;

function pushCapped(list: number[], value: number): void {
  list.push(value);
  if (list.length > MAX_SAMPLES) list.shift();
}

/** Starts a pose worker and returns the page-side handle to it. */
export function createPoseClient(): PoseClient {
  const worker = new Worker(new URL("./pose.worker.ts", import.meta.url), { type: "module", name: "pose" });
  const remote: Remote<PoseApi> = wrap<PoseApi>(worker);
  return clientFor(remote, () => worker.terminate());
}

/** What the client needs from the worker: the comlink-wrapped worker, or a fake in tests. */
export interface PoseEndpoint {
  init(opts: PoseInitOptions, onProgress: ProgressCallback): Promise<PoseInitResult>;
  detect(frame: PoseFrameSource, tMs: number): Promise<PoseResult>;
  firstLandmarksMs(): Promise<number | null>;
}

/** The page-side logic over any endpoint that speaks the worker's API. */
export function clientFor(remote: PoseEndpoint, terminateWorker: () => void): PoseClient {
  const stats: PoseClientStats = {
    sent: 0,
    dropped: 0,
    beforeReady: 0,
    inferenceMs: [],
    workerMs: [],
    roundTripMs: [],
  };
  let inFlight = false;
  let ready = false;
  let terminated = false;

  async function post(frame: PoseFrameSource, tMs: number): Promise<PoseResult> {
    if (terminated) {
      frame.close();
      throw new PoseError("terminated", "The pose worker was stopped.");
    }
    stats.sent += 1;
    const start = performance.now();
    const result = await remote.detect(transfer(frame, [frame]), tMs);
    const roundTripMs = performance.measure(POSE_MARKS.roundTrip, { start }).duration;
    pushCapped(stats.roundTripMs, roundTripMs);
    pushCapped(stats.inferenceMs, result.timings.inferenceMs);
    pushCapped(stats.workerMs, result.timings.workerMs);
    result.timings.roundTripMs = roundTripMs;
    return result;
  }

  async function send(frame: PoseFrameSource, tMs: number): Promise<PoseResult> {
    inFlight = true;
    try {
      return await post(frame, tMs);
    } finally {
      inFlight = false;
    }
  }

  return {
    async init(opts, onProgress) {
      ready = false;
      const loaded = await remote.init(opts, proxy(onProgress ?? (() => undefined)));
      ready = true;
      return loaded;
    },

    async offer(frame, tMs) {
      if (!ready && !terminated) {
        frame.close();
        stats.beforeReady += 1;
        return null;
      }
      if (inFlight || terminated) {
        frame.close();
        stats.dropped += 1;
        return null;
      }
      return send(frame, tMs);
    },

    async offerCapture(capture, tMs) {
      if (!ready && !terminated) {
        stats.beforeReady += 1;
        return null;
      }
      if (inFlight || terminated) {
        stats.dropped += 1;
        return null;
      }
      // Held while the frame is captured, so frames arriving meanwhile are dropped too.
      inFlight = true;
      let frame: PoseFrameSource;
      try {
        frame = await capture();
      } catch (error) {
        inFlight = false;
        throw error;
      }
      return send(frame, tMs);
    },

    async detect(frame, tMs, signal) {
      if (signal?.aborted) {
        frame.close();
        throw new PoseError("aborted", "Pose detection was cancelled.");
      }
      return post(frame, tMs);
    },

    firstLandmarksMs: () => remote.firstLandmarksMs(),

    stats: () => ({
      sent: stats.sent,
      dropped: stats.dropped,
      beforeReady: stats.beforeReady,
      inferenceMs: stats.inferenceMs.slice(),
      workerMs: stats.workerMs.slice(),
      roundTripMs: stats.roundTripMs.slice(),
    }),

    terminate() {
      terminated = true;
      // Terminating frees the worker's WebAssembly memory with it; no close round trip is needed.
      terminateWorker();
    },
  };
}
