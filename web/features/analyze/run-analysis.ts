import type { Landmark } from "../../../shared/pose";
import type { PoseModelVariant } from "../../pose/assets";
import { createPoseClient, type PoseClient } from "../../pose/pose-client";
import type { PoseInitResult, PoseLoadProgress, PoseResult } from "../../pose/pose-types";
import { openVideo, type VideoSource } from "../../video/open-video";
import { sniffImage } from "./sniff-image";

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
  /** Reuse a started worker; otherwise one is started and stopped for this run. */
  client?: PoseClient;
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
  /** Wall time of the frame loop, after the model was loaded. */
  wallMs: number;
  framesPerSecond: number;
  /** Video seconds per wall second (null for an image). */
  realtimeFactor: number | null;
  inferenceMs: number[];
  /** Page to worker and back, per frame: inference plus messaging and waiting. */
  roundTripMs: number[];
}

const IN_FLIGHT = 3;

// The worker warms its MediaPipe graph up at timestamp 0, and VIDEO mode rejects a timestamp it
// has seen; file times start at 0, so they travel shifted by this much and are shifted back.
const WORKER_TIME_OFFSET_MS = 1;

async function detectAt(
  client: PoseClient,
  frame: VideoFrame | ImageBitmap,
  tMs: number,
  signal?: AbortSignal,
) {
  const result = await client.detect(frame, tMs + WORKER_TIME_OFFSET_MS, signal);
  return { ...result, tMs };
}

function toFrame(result: PoseResult): AnalysisFrame {
  return {
    tMs: result.tMs,
    landmarks: result.landmarks,
    worldLandmarks: result.worldLandmarks,
    imageAspect: result.imageAspect,
    presence: result.presence,
  };
}

/**
 * Finds the pose on every frame of a video file (or on one image), in order, on this device.
 * Frames are decoded a few ahead of the pose worker and handed over without copying.
 */
export async function runAnalysis(file: Blob, options: AnalysisOptions = {}): Promise<AnalysisResult> {
  const client = options.client ?? createPoseClient();
  performance.mark("analyze:start");
  try {
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const isImage = sniffImage(head) !== null;
    const source = isImage ? null : await openVideo(file);
    const init = await client.init({ model: options.model ?? "lite", delegate: "CPU" }, options.onLoad);
    options.signal?.throwIfAborted();
    const result = isImage
      ? await analyseImage(file, client, init, options)
      : await analyseVideo(source!, client, init, options);
    performance.mark("analyze:end");
    performance.measure("analyze:run", "analyze:start", "analyze:end");
    return result;
  } finally {
    if (!options.client) client.terminate();
  }
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
    wallMs,
    framesPerSecond: 1000 / wallMs,
    realtimeFactor: null,
    inferenceMs: client.stats().inferenceMs,
    roundTripMs: client.stats().roundTripMs,
  };
}

async function analyseVideo(
  source: VideoSource,
  client: PoseClient,
  init: PoseInitResult,
  options: AnalysisOptions,
): Promise<AnalysisResult> {
  const { signal } = options;
  options.onStart?.({ kind: "video", frameCount: source.frameCount, durationMs: source.durationMs, init });
  const frames: AnalysisFrame[] = [];
  const pending: Promise<PoseResult>[] = [];
  const started = performance.now();
  const record = async () => {
    const frame = toFrame(await pending.shift()!);
    frames.push(frame);
    options.onFrame?.(frame, frames.length - 1);
    const elapsedMs = performance.now() - started;
    const framesPerSecond = (frames.length * 1000) / elapsedMs;
    const left = Math.max(0, source.frameCount - frames.length);
    options.onProgress?.({
      framesDone: frames.length,
      frameCount: source.frameCount,
      elapsedMs,
      framesPerSecond,
      remainingMs: frames.length >= 5 ? (left * 1000) / framesPerSecond : null,
    });
  };
  try {
    for await (const { frame, tMs } of source.frames({ signal })) {
      pending.push(detectAt(client, frame, tMs, signal));
      if (pending.length >= IN_FLIGHT) await record();
    }
    while (pending.length) await record();
  } finally {
    // On failure or cancel, let queued detections settle so no frame is left unclosed.
    await Promise.allSettled(pending);
  }
  const wallMs = performance.now() - started;
  return {
    kind: "video",
    frames,
    frameCount: source.frameCount,
    durationMs: source.durationMs,
    width: source.width,
    height: source.height,
    decoder: source.decoder,
    caveat: source.caveat,
    codec: source.codec,
    init,
    wallMs,
    framesPerSecond: (frames.length * 1000) / wallMs,
    realtimeFactor: source.durationMs / wallMs,
    inferenceMs: client.stats().inferenceMs,
    roundTripMs: client.stats().roundTripMs,
  };
}
