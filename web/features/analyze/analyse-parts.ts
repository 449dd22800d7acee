import type { PoseClient } from "../../pose/pose-client";
import type { PoseFrameSource, PoseResult } from "../../pose/pose-types";
import type { FrameRange, VideoSource } from "../../video/open-video";
import type { AnalysisFrame, AnalysisOptions } from "./run-analysis";
import type { PartRange } from "./split-analysis";
import { emptyStages, timed, type PartStages } from "./run-stages";

/**
 * Frames sent to a worker before waiting for the oldest: the worker queues them, so it starts the
 * next frame at once instead of waiting for the page to answer, and decoding overlaps inference.
 */
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
  /** One worker only: how long the hand-over to the fresh worker at the cut waited for its load. */
  reloadMs?: number;
  /** Per part (one worker's range), where the page's time went. */
  stages: PartStages[];
}

export interface PartResult {
  frames: AnalysisFrame[];
  stages: PartStages;
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
): Promise<PartResult> {
  const frames: AnalysisFrame[] = [];
  const stages = emptyStages();
  const pending: Promise<PoseResult>[] = [];
  const record = async () => {
    const frame = toFrame(await timed(stages, "resultWaitMs", () => pending.shift()!));
    frames.push(frame);
    const start = performance.now();
    onDone(frame);
    stages.pageMs += performance.now() - start;
  };
  const decoded = source.frames(range);
  try {
    for (;;) {
      const next = await timed(stages, "decodeWaitMs", () => decoded.next());
      if (next.done) break;
      const { frame, tMs } = next.value;
      const start = performance.now();
      pending.push(detectAt(client, frame, tMs, range.signal));
      stages.sendMs += performance.now() - start;
      stages.frames += 1;
      if (pending.length >= IN_FLIGHT) await record();
    }
    while (pending.length) await record();
  } finally {
    await decoded.return(undefined);
    // On failure or cancel, let queued detections settle so no frame is left unclosed.
    await Promise.allSettled(pending);
  }
  return { frames, stages };
}

/** Where one worker starts afresh: the cut of a split, and how to start a fresh worker there. */
export interface FreshStart {
  atMs: number;
  /** Frames before the cut. */
  headFrames: number;
  /** Start the fresh worker when the first half has about this much time left. */
  leadMs: number;
  /** Starts the fresh worker (and its model load) ahead of the cut. */
  prepare: () => void;
  /** Stops the worker that did the first half and hands over the fresh one once it is loaded. */
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
  if (!fresh) {
    const whole = await analysePart(source, client, { signal }, onDone);
    return { frames: whole.frames, seamMs: null, stages: [whole.stages] };
  }
  const headStart = performance.now();
  let headDone = 0;
  let prepared = false;
  const head = await analysePart(source, client, { toMs: fresh.atMs, signal }, (frame) => {
    onDone(frame);
    headDone += 1;
    const msPerFrame = (performance.now() - headStart) / headDone;
    if (!prepared && (fresh.headFrames - headDone) * msPerFrame <= fresh.leadMs) {
      prepared = true;
      fresh.prepare();
    }
  });
  const reloadStart = performance.now();
  const nextClient = await fresh.next();
  const reloadMs = performance.now() - reloadStart;
  signal?.throwIfAborted();
  const tail = await analysePart(source, nextClient, { fromMs: fresh.atMs, signal }, onDone);
  return {
    frames: [...head.frames, ...tail.frames],
    seamMs: fresh.atMs,
    reloadMs,
    stages: [head.stages, tail.stages],
  };
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
): Promise<PartResult[]> {
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
  return settled.map((s) => (s.status === "fulfilled" ? s.value : { frames: [], stages: emptyStages() }));
}
