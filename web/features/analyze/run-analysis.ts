import type { Landmark } from "../../../shared/pose";
import type { PoseModelVariant } from "../../pose/assets";
import { createPoseClient, type PoseClient } from "../../pose/pose-client";
import type { PoseInitResult, PoseLoadProgress } from "../../pose/pose-types";
import { openVideo, type VideoSource } from "../../video/open-video";
import { sniffImage } from "./sniff-image";
import { analyseParts, analyseWhole, detectAt, toFrame, type PartRun } from "./analyse-parts";
import { chooseSeam, planSplit, stitch, type SplitPlan } from "./split-analysis";

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
   * Pose workers for a video: 2 analyses two overlapping halves at once (one per core) and
   * stitches them. Defaults to 2 when the device has two cores and the clip is long enough.
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
  codec: string;
  init: PoseInitResult;
  /** Pose workers that analysed the file (2: two halves, stitched). */
  workers: 1 | 2;
  /** Where the two halves were joined, when they were. */
  seamMs?: number;
  /** Wall time of the frame loop, after the model was loaded. */
  wallMs: number;
  framesPerSecond: number;
  /** Video seconds per wall second (null for an image). */
  realtimeFactor: number | null;
  inferenceMs: number[];
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

/** The split to use, or null for one worker: seeking a `<video>` element cannot serve two readers. */
function splitFor(source: VideoSource, options: AnalysisOptions): SplitPlan | null {
  const workers = options.client ? 1 : (options.workers ?? defaultWorkers());
  if (workers < 2 || source.decoder !== "webcodecs") return null;
  return planSplit(source.frameTimesMs);
}

async function runOnVideo(source: VideoSource, options: AnalysisOptions): Promise<AnalysisResult> {
  const plan = splitFor(source, options);
  const clients = options.client
    ? [options.client]
    : plan
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
    const run = plan
      ? await analyseSplit(source, clients as [PoseClient, PoseClient], plan, options)
      : await analyseWhole(source, clients[0]!, options);
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
      codec: source.codec,
      init: init!,
      workers: plan ? 2 : 1,
      seamMs: run.seamMs ?? undefined,
      wallMs,
      framesPerSecond: (run.frames.length * 1000) / wallMs,
      realtimeFactor: source.durationMs / wallMs,
      inferenceMs: clients.flatMap((c) => c.stats().inferenceMs),
      roundTripMs: clients.flatMap((c) => c.stats().roundTripMs),
    };
  } finally {
    source.close();
    if (!options.client) for (const client of clients) client.terminate();
  }
}

/** Two workers on two overlapping halves; the form engine later sees one stitched stream. */
async function analyseSplit(
  source: VideoSource,
  clients: [PoseClient, PoseClient],
  plan: SplitPlan,
  options: AnalysisOptions,
): Promise<PartRun> {
  const [first = [], second = []] = await analyseParts(source, clients, plan.parts, options);
  const seamMs = chooseSeam(first, second, plan.seam);
  const frames = stitch(first, second, seamMs);
  frames.forEach((frame, i) => options.onFrame?.(frame, i));
  return { frames, seamMs };
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
    roundTripMs: client.stats().roundTripMs,
  };
}
