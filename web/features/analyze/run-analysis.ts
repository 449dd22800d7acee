import type { Landmark } from "../../../shared/pose";
import type { PoseModelVariant } from "../../pose/assets";
import type { PoseClient } from "../../pose/pose-client";
import type { PoseInitOptions, PoseInitResult, PoseLoadProgress } from "../../pose/pose-types";
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
import { deviceWorkers, startWorker, type WarmWorker, type WorkerSource } from "./pose-pool";
import { watchLongTasks, type RunStages } from "./run-stages";

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
  /**
   * Where the pose workers come from: the page's pool, pre-warmed while the person picks a file.
   * Without it, workers are started for this run. Either way the run terminates the ones it took.
   */
  pool?: WorkerSource;
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
  /**
   * One worker on a cut file: how long it waited at the cut for the fresh landmarker (inside
   * `wallMs`; that worker is started ahead, so near 0).
   */
  reloadMs?: number;
  /** Wall time of the frame loop, after the model was loaded. */
  wallMs: number;
  framesPerSecond: number;
  /** Video seconds per wall second (null for an image). */
  realtimeFactor: number | null;
  inferenceMs: number[];
  /**
   * Per pose worker, the share of `wallMs` it spent on frames, pixel conversion and MediaPipe (from
   * its last 2,000): both near 1 means both were kept busy; a low one waited for frames or for the
   * other half.
   */
  workerBusy: number[];
  /** Page to worker and back, per frame: inference plus messaging and waiting. */
  roundTripMs: number[];
  /** Where the frame loop's time went, per part and on the page's main thread. */
  stages: RunStages;
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

function initOptions(options: AnalysisOptions): PoseInitOptions {
  return { model: options.model ?? "lite", delegate: "CPU" };
}

function workerSource(options: AnalysisOptions): WorkerSource {
  return options.pool ?? { take: () => startWorker(initOptions(options)) };
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (a page left mid-load). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

async function runOnImage(file: Blob, options: AnalysisOptions): Promise<AnalysisResult> {
  const warm = workerSource(options).take();
  try {
    if (options.onLoad) warm.watch(options.onLoad);
    const init = await untilAborted(warm.ready, options.signal);
    return await analyseImage(file, warm.client, init, options);
  } finally {
    warm.client.terminate();
  }
}

/** Whether both halves run at once: seeking a `<video>` element cannot serve two readers. */
function wantsTwoWorkers(source: VideoSource, options: AnalysisOptions): boolean {
  return (options.workers ?? deviceWorkers()) === 2 && source.decoder === "webcodecs";
}

async function runOnVideo(source: VideoSource, options: AnalysisOptions): Promise<AnalysisResult> {
  // The cut depends on the file alone, so one worker starts afresh where two would meet.
  const plan = planSplit(source.frameTimesMs);
  const split = plan !== null && wantsTwoWorkers(source, options);
  const workers = workerSource(options);
  const taken: WarmWorker[] = [workers.take()];
  if (split) taken.push(workers.take());
  const longTasks = watchLongTasks();
  try {
    // Pre-warmed workers are usually loaded by now; the first reports any load still going on.
    if (options.onLoad) taken[0]!.watch(options.onLoad);
    const [init] = await untilAborted(Promise.all(taken.map((w) => w.ready)), options.signal);
    options.onStart?.({
      kind: "video",
      frameCount: source.frameCount,
      durationMs: source.durationMs,
      init: init!,
    });
    const clients = taken.map((w) => w.client);
    const started = performance.now();
    longTasks.start();
    const run =
      plan && split
        ? await analyseSplit(source, clients as [PoseClient, PoseClient], plan, options)
        : await analyseWhole(
            source,
            clients[0]!,
            options,
            plan ? freshStart(plan, init!, taken, workers, options) : undefined,
          );
    const wallMs = performance.now() - started;
    // Every worker that ran: one worker's two halves (before and after the cut) ran one after the other.
    const ran = taken.map((w) => w.client).filter((c) => c.stats().sent > 0);
    const busyMs = ran.map(workerSumMs);
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
      inferenceMs: ran.flatMap((c) => c.stats().inferenceMs),
      workerBusy: (split ? busyMs : [busyMs.reduce((a, b) => a + b, 0)]).map((ms) => ms / wallMs),
      roundTripMs: ran.flatMap((c) => c.stats().roundTripMs),
      stages: { parts: run.stages, longTasks: longTasks.stop() },
    };
  } finally {
    longTasks.stop();
    source.close();
    for (const warm of taken) warm.client.terminate();
  }
}

/**
 * One worker on a cut file: a fresh worker takes the second half. It is started ahead (when the
 * first half has about twice the first worker's load time left), so the hand-over costs no wait.
 */
function freshStart(
  plan: SplitPlan,
  init: PoseInitResult,
  taken: WarmWorker[],
  workers: WorkerSource,
  options: AnalysisOptions,
): FreshStart {
  let spare: WarmWorker | null = null;
  const prepare = () => {
    spare ??= workers.take();
    if (!taken.includes(spare)) taken.push(spare);
    return spare;
  };
  return {
    atMs: plan.cutMs,
    headFrames: plan.parts[0].frameCount,
    leadMs: 2 * init.initMs,
    prepare: () => void prepare(),
    next: async () => {
      const next = prepare();
      taken[0]!.client.terminate();
      await untilAborted(next.ready, options.signal);
      return next.client;
    },
  };
}

/** Milliseconds a worker spent on frames, pixel conversion and MediaPipe (over its last 2,000). */
function workerSumMs(client: PoseClient): number {
  return client.stats().workerMs.reduce((sum, ms) => sum + ms, 0);
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
  const [head, tail] = await analyseParts(source, clients, plan.parts, options, (part, frame) => {
    if (part === 0) options.onFrame?.(frame, index++);
  });
  for (const frame of tail?.frames ?? []) options.onFrame?.(frame, index++);
  return {
    frames: [...(head?.frames ?? []), ...(tail?.frames ?? [])],
    seamMs: plan.cutMs,
    stages: [head, tail].flatMap((part) => (part ? [part.stages] : [])),
  };
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
    workerBusy: [workerSumMs(client) / wallMs],
    roundTripMs: client.stats().roundTripMs,
    stages: { parts: [], longTasks: { count: 0, totalMs: 0, maxMs: 0 } },
  };
}
