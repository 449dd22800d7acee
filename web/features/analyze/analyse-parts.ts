import type { PoseClient } from "../../pose/pose-client";
import type { PoseFrameSource, PoseResult } from "../../pose/pose-types";
import type { FrameRange, VideoSource } from "../../video/open-video";
import type { AnalysisFrame, AnalysisOptions } from "./run-analysis";
import type { PartRange } from "./split-analysis";

/** Frames sent to a worker before waiting for the oldest: decoding overlaps inference. */
const IN_FLIGHT = 3;

// The worker warms its MediaPipe graph up at timestamp 0, and VIDEO mode rejects a timestamp it
// has seen; file times start at 0, so they travel shifted by this much and are shifted back.
const WORKER_TIME_OFFSET_MS = 1;

/** Frames after which the time left is estimated (the first ones include the pipeline filling). */
const FRAMES_BEFORE_ESTIMATE = 5;

export interface PartRun {
  frames: AnalysisFrame[];
  /** Where a fresh landmarker took over (the cut between the halves), or null when the file was not cut. */
  seamMs: number | null;
  /** One worker only: how long starting the fresh worker at the cut took (model load included). */
  reloadMs?: number;
}

export async function detectAt(
  client: PoseClient,
  frame: PoseFrameSource,
  tMs: number,
  signal?: AbortSignal,
) {
  const result = await client.detect(frame, tMs + WORKER_TIME_OFFSET_MS, signal);
  return { ...result, tMs };
}

export function toFrame(result: PoseResult): AnalysisFrame {
  return {
    tMs: result.tMs,
    landmarks: result.landmarks,
    worldLandmarks: result.worldLandmarks,
    imageAspect: result.imageAspect,
    presence: result.presence,
  };
}

/**
 * Progress over all the work of a run, shown in frames of the file: with two workers the overlap
 * is analysed twice, so done work is scaled to the file's frame count.
 */
function progressMeter(frameCount: number, totalWork: number, onProgress: AnalysisOptions["onProgress"]) {
  const started = performance.now();
  let done = 0;
  return () => {
    done += 1;
    if (!onProgress) return;
    const elapsedMs = performance.now() - started;
    const framesDone = Math.min(frameCount, Math.round((done * frameCount) / totalWork));
    const framesPerSecond = (framesDone * 1000) / elapsedMs;
    const leftMs = ((totalWork - done) * elapsedMs) / done;
    onProgress({
      framesDone,
      frameCount,
      elapsedMs,
      framesPerSecond,
      remainingMs: done >= FRAMES_BEFORE_ESTIMATE ? leftMs : null,
    });
  };
}

/** One worker through one range of the file, in order; frames are handed over as they are decoded. */
async function analysePart(
  source: VideoSource,
  client: PoseClient,
  range: FrameRange & { signal?: AbortSignal },
  onDone: (frame: AnalysisFrame) => void,
): Promise<AnalysisFrame[]> {
  const frames: AnalysisFrame[] = [];
  const pending: Promise<PoseResult>[] = [];
  const record = async () => {
    const frame = toFrame(await pending.shift()!);
    frames.push(frame);
    onDone(frame);
  };
  try {
    for await (const { frame, tMs } of source.frames(range)) {
      pending.push(detectAt(client, frame, tMs, range.signal));
      if (pending.length >= IN_FLIGHT) await record();
    }
    while (pending.length) await record();
  } finally {
    // On failure or cancel, let queued detections settle so no frame is left unclosed.
    await Promise.allSettled(pending);
  }
  return frames;
}

/** Where one worker starts afresh: the cut of a split, and how to start a fresh worker there. */
export interface FreshStart {
  atMs: number;
  /** Stops the worker that did the first half and starts (and loads) the one for the second. */
  next: () => Promise<PoseClient>;
}

/**
 * The whole file through one worker, each frame reported as it is found. With `fresh`, a fresh
 * worker takes over where a split would cut the file, so the result equals two workers' one.
 */
export async function analyseWhole(
  source: VideoSource,
  client: PoseClient,
  options: AnalysisOptions,
  fresh?: FreshStart,
): Promise<PartRun> {
  const tick = progressMeter(source.frameCount, source.frameCount, options.onProgress);
  let index = 0;
  const onDone = (frame: AnalysisFrame) => {
    options.onFrame?.(frame, index++);
    tick();
  };
  const { signal } = options;
  if (!fresh) return { frames: await analysePart(source, client, { signal }, onDone), seamMs: null };
  const head = await analysePart(source, client, { toMs: fresh.atMs, signal }, onDone);
  const reloadStart = performance.now();
  const nextClient = await fresh.next();
  const reloadMs = performance.now() - reloadStart;
  signal?.throwIfAborted();
  const tail = await analysePart(source, nextClient, { fromMs: fresh.atMs, signal }, onDone);
  return { frames: [...head, ...tail], seamMs: fresh.atMs, reloadMs };
}

/**
 * Each range through its own worker at the same time. If one part fails the other is stopped,
 * and the first failure (not the stop it caused) is what the caller sees.
 */
export async function analyseParts(
  source: VideoSource,
  clients: readonly PoseClient[],
  parts: readonly PartRange[],
  options: AnalysisOptions,
  onPartFrame?: (part: number, frame: AnalysisFrame) => void,
): Promise<AnalysisFrame[][]> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const totalWork = parts.reduce((sum, part) => sum + part.frameCount, 0);
  const tick = progressMeter(source.frameCount, totalWork, options.onProgress);
  const runs = parts.map((part, i) =>
    analysePart(source, clients[i]!, { fromMs: part.fromMs, toMs: part.toMs, signal }, (frame) => {
      onPartFrame?.(i, frame);
      tick();
    }).catch((error: unknown) => {
      stop.abort(error);
      throw error;
    }),
  );
  const settled = await Promise.allSettled(runs);
  const failures = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
  if (failures.length) {
    options.signal?.throwIfAborted();
    // The first part to fail stopped the other: its error is the cause.
    throw stop.signal.aborted ? (stop.signal.reason as unknown) : failures[0];
  }
  return settled.map((s) => (s.status === "fulfilled" ? s.value : []));
}
