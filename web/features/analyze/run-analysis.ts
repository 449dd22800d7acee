import type { Landmark } from "../../../shared/pose";
import type { PoseModelVariant } from "../../pose/assets";
import { createPoseClient, type PoseClient } from "../../pose/pose-client";
import type { PoseInitResult, PoseLoadProgress } from "../../pose/pose-types";
import { openVideo, type VideoSource } from "../../video/open-video";
import { sniffImage } from "./sniff-image";
import {
  analyseParts,
  analyseWhole,
  detectAt,
  toFrame,
  type FreshStart,
  type PartRun,
} from "./analyse-parts";
import { planSplit, type SplitPlan } from "./split-analysis";

/** Landmarks found on one frame of the file. */
export interface AnalysisFrame {
  tMs: number;
  landmarks: Landmark[];
  worldLandmarks: Landmark[];
  imageAspect: number;
  presence: number | null;
}

export interface AnalysisProgress {
  framesDone: number;
  frameCount: number;
  elapsedMs: number;
  framesPerSecond: number;
  /** Estimated time left, or null before there is a rate to go on. */
  remainingMs: number | null;
}

export interface AnalysisOptions {
  model?: PoseModelVariant;
  signal?: AbortSignal;
  /** Reuse a started worker (then only that one runs); otherwise workers are started and stopped for this run. */
  client?: PoseClient;
  /**
   * Pose workers for a video: 2 analyses the two halves at once (one per core) and joins them.
   * Defaults to 2 when the device has two cores and the clip is long enough. The result is the
   * same either way: one worker loads a fresh landmarker where the halves meet.
   */
  workers?: 1 | 2;
  onLoad?: (progress: PoseLoadProgress) => void;
  onStart?: (info: {
    kind: AnalysisResult["kind"];
    frameCount: number;
    durationMs: number;
    init: PoseInitResult;
  }) => void;
  onProgress?: (progress: AnalysisProgress) => void;
  onFrame?: (frame: AnalysisFrame, index: number) => void;
}

export interface AnalysisResult {
  kind: "video" | "image";
  frames: AnalysisFrame[];
  /** Frames the file holds; `frames.length` equals it unless the run was short of some. */
  frameCount: number;
  durationMs: number;
  width: number;
  height: number;
  decoder: VideoSource["decoder"] | "image";
  caveat?: string;
  caveatCode?: VideoSource["caveatCode"];
  codec: string;
  init: PoseInitResult;
  /** Pose workers that analysed the file (2: two halves at once). */
  workers: 1 | 2;
  /** Where the file was cut in two and a fresh landmarker took over, on one worker or two. */
  seamMs?: number;
  /** One worker on a cut file: the time it spent loading the fresh landmarker (inside `wallMs`). */
  reloadMs?: number;
  /** Wall time of the frame loop, after the model was loaded. */
  wallMs: number;
  framesPerSecond: number;
  /** Video seconds per wall second (null for an image). */
  realtimeFactor: number | null;
  inferenceMs: number[];
  /**
   * Per pose worker, the share of `wallMs` it spent in MediaPipe (from its last 2,000 frames): both
   * near 1 means both cores were kept busy; a low one waited for frames or for the other half.
   */
  workerBusy: number[];
  /** Page to worker and back, per frame: inference plus messaging and waiting. */
  roundTripMs: number[];
}

/**
 * Finds the pose on every frame of a video file (or on one image), in order, on this device.
 * Frames are decoded a few ahead of the pose workers and handed over without copying.
 */
export async function runAnalysis(file: Blob, options: AnalysisOptions = {}): Promise<AnalysisResult> {
  performance.mark("analyze:start");
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const result =
    sniffImage(head) !== null
      ? await runOnImage(file, options)
      : await runOnVideo(await openVideo(file), options);
  performance.mark("analyze:end");
  performance.measure("analyze:run", "analyze:start", "analyze:end");
  return result;
}

async function runOnImage(file: Blob, options: AnalysisOptions): Promise<AnalysisResult> {
  const client = options.client ?? createPoseClient();
  try {
    const init = await client.init({ model: options.model ?? "lite", delegate: "CPU" }, options.onLoad);
    options.signal?.throwIfAborted();
    return await analyseImage(file, client, init, options);
  } finally {
    if (!options.client) client.terminate();
  }
}

function defaultWorkers(): 1 | 2 {
  return (navigator.hardwareConcurrency || 1) >= 2 ? 2 : 1;
}

/** Whether both halves run at once: seeking a `<video>` element cannot serve two readers. */
function wantsTwoWorkers(source: VideoSource, options: AnalysisOptions): boolean {
  const workers = options.client ? 1 : (options.workers ?? defaultWorkers());
  return workers === 2 && source.decoder === "webcodecs";
}

async function runOnVideo(source: VideoSource, options: AnalysisOptions): Promise<AnalysisResult> {
  // The cut depends on the file alone, so one worker starts afresh where two would meet.
  const plan = planSplit(source.frameTimesMs);
  const split = plan !== null && wantsTwoWorkers(source, options);
  const clients = options.client
    ? [options.client]
    : split
      ? [createPoseClient(), createPoseClient()]
      : [createPoseClient()];
  try {
    const initOptions = { model: options.model ?? "lite", delegate: "CPU" } as const;
    // Both workers load and compile at once, one per core; the first reports the progress.
    const [init] = await Promise.all(
      clients.map((c, i) => c.init(initOptions, i === 0 ? options.onLoad : undefined)),
    );
    options.signal?.throwIfAborted();
    options.onStart?.({
      kind: "video",
      frameCount: source.frameCount,
      durationMs: source.durationMs,
      init: init!,
    });
    const started = performance.now();
    // One worker starts afresh at the cut: a new worker, since MediaPipe's runtime loads once per
    // worker. A worker the caller lent is kept for the whole file, without the cut.
    const fresh: FreshStart | undefined =
      plan && !options.client
        ? {
            atMs: plan.cutMs,
            next: async () => {
              clients[0]!.terminate();
              const next = createPoseClient();
              clients.push(next);
              await next.init(initOptions);
              return next;
            },
          }
        : undefined;
    const run =
      plan && split
        ? await analyseSplit(source, clients as [PoseClient, PoseClient], plan, options)
        : await analyseWhole(source, clients[0]!, options, fresh);
    const wallMs = performance.now() - started;
    return {
      kind: "video",
      frames: run.frames,
      frameCount: source.frameCount,
      durationMs: source.durationMs,
      width: source.width,
      height: source.height,
      decoder: source.decoder,
      caveat: source.caveat,
      caveatCode: source.caveatCode,
      codec: source.codec,
      init: init!,
      workers: split ? 2 : 1,
      seamMs: run.seamMs ?? undefined,
      reloadMs: run.reloadMs,
      wallMs,
      framesPerSecond: (run.frames.length * 1000) / wallMs,
      realtimeFactor: source.durationMs / wallMs,
      inferenceMs: clients.flatMap((c) => c.stats().inferenceMs),
      // One worker's two halves ran one after the other: one share for the two.
      workerBusy: (split
        ? clients.map(inferenceSumMs)
        : [clients.map(inferenceSumMs).reduce((a, b) => a + b, 0)]
      ).map((ms) => ms / wallMs),
      roundTripMs: clients.flatMap((c) => c.stats().roundTripMs),
    };
  } finally {
    source.close();
    if (!options.client) for (const client of clients) client.terminate();
  }
}

/** Milliseconds a worker spent in MediaPipe (over its last 2,000 frames). */
function inferenceSumMs(client: PoseClient): number {
  return client.stats().inferenceMs.reduce((sum, ms) => sum + ms, 0);
}

/** Two workers on the two halves at once; the form engine later sees one stream. */
async function analyseSplit(
  source: VideoSource,
  clients: [PoseClient, PoseClient],
  plan: SplitPlan,
  options: AnalysisOptions,
): Promise<PartRun> {
  // The first half's frames are reported as they are found, the second's once the first is done.
  let index = 0;
  const [head = [], tail = []] = await analyseParts(source, clients, plan.parts, options, (part, frame) => {
    if (part === 0) options.onFrame?.(frame, index++);
  });
  for (const frame of tail) options.onFrame?.(frame, index++);
  return { frames: [...head, ...tail], seamMs: plan.cutMs };
}

async function analyseImage(
  file: Blob,
  client: PoseClient,
  init: PoseInitResult,
  options: AnalysisOptions,
): Promise<AnalysisResult> {
  options.onStart?.({ kind: "image", frameCount: 1, durationMs: 0, init });
  const bitmap = await createImageBitmap(file);
  const { width, height } = bitmap;
  const started = performance.now();
  const frame = toFrame(await detectAt(client, bitmap, 0, options.signal));
  const wallMs = performance.now() - started;
  options.onFrame?.(frame, 0);
  options.onProgress?.({
    framesDone: 1,
    frameCount: 1,
    elapsedMs: wallMs,
    framesPerSecond: 1000 / wallMs,
    remainingMs: 0,
  });
  return {
    kind: "image",
    frames: [frame],
    frameCount: 1,
    durationMs: 0,
    width,
    height,
    decoder: "image",
    codec: file.type || "image",
    init,
    workers: 1,
    wallMs,
    framesPerSecond: 1000 / wallMs,
    realtimeFactor: null,
    inferenceMs: client.stats().inferenceMs,
    workerBusy: [inferenceSumMs(client) / wallMs],
    roundTripMs: client.stats().roundTripMs,
  };
}
