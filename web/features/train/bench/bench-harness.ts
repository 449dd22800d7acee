import { captureFrame, type CaptureMode } from "../../../pose/capture";
import { createPoseClient, type PoseClient } from "../../../pose/pose-client";
import { quantile } from "../../../pose/percentiles";
import type { PoseInitOptions } from "../../../pose/pose-types";
import { runUpload } from "./bench-upload";

/** What one benchmark run measures for one model. */
export interface PoseBenchFigures {
  inferenceP50Ms: number | null;
  inferenceP95Ms: number | null;
  roundTripP50Ms: number | null;
  roundTripP95Ms: number | null;
  /** Round trip minus inference, per frame, median: the cost of the bridge and the copy. */
  overheadP50Ms: number | null;
  liveFrames: number;
  droppedFrames: number;
  uploadRealtimeFactor: number | null;
  uploadFrames: number;
  initMs: number | null;
  coldInitMs: number | null;
  longTasksDuringLive: number;
  longTasksDuringInit: number;
  longestTaskMs: number;
  workerMemoryMb: number | null;
}

export interface PoseBenchOptions {
  model: PoseInitOptions["model"];
  videoUrl: string;
  capture: CaptureMode;
  captureWidthPx: number;
  warmupFrames: number;
  minFrames: number;
  upload: boolean;
}

function watchLongTasks(): { stop(): number[] } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: "longtask", buffered: false });
  return {
    stop() {
      observer.disconnect();
      return durations.filter((d) => d > 50);
    },
  };
}

async function loadVideo(url: string): Promise<HTMLVideoElement> {
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  video.src = url;
  document.body.append(video);
  await new Promise<void>((resolve, reject) => {
    video.addEventListener("loadeddata", () => resolve(), { once: true });
    video.addEventListener("error", () => reject(new Error(`cannot load ${url}`)), { once: true });
  });
  return video;
}

/** Worker start to first landmarks: init, then frames until one has a person. */
async function timeToFirstLandmarks(client: PoseClient, opts: PoseBenchOptions, video: HTMLVideoElement) {
  await client.init({ model: opts.model, delegate: "CPU" });
  for (let i = 0; i < 10; i++) {
    const result = await client.detect(await captureFrame(video, opts.capture, opts.captureWidthPx), i * 33);
    if (result.landmarks.length > 0) break;
  }
  return client.firstLandmarksMs();
}

/** Plays the clip in real time and offers every presented frame, as the Train page does. */
async function runLive(client: PoseClient, opts: PoseBenchOptions, video: HTMLVideoElement) {
  const roundTrip: number[] = [];
  const inference: number[] = [];
  const overhead: number[] = [];
  let seen = 0;
  video.currentTime = 0;
  video.loop = true;
  await video.play();
  await new Promise<void>((resolve) => {
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (inference.length >= opts.minFrames) return resolve();
      video.requestVideoFrameCallback(onFrame);
      const capture = () => captureFrame(video, opts.capture, opts.captureWidthPx);
      void client.offerCapture(capture, meta.mediaTime * 1000 + seen).then((result) => {
        if (!result) return;
        seen += 1;
        if (seen <= opts.warmupFrames) return;
        const trip = result.timings.roundTripMs ?? 0;
        roundTrip.push(trip);
        inference.push(result.timings.inferenceMs);
        overhead.push(trip - result.timings.inferenceMs);
      });
    };
    video.requestVideoFrameCallback(onFrame);
  });
  video.pause();
  return { roundTrip, inference, overhead, dropped: client.stats().dropped };
}

async function workerMemoryMb(): Promise<number | null> {
  const measureMemory = (
    performance as Performance & { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> }
  ).measureUserAgentSpecificMemory;
  if (!measureMemory || !crossOriginIsolated) return null;
  const { bytes } = await measureMemory.call(performance);
  return Math.round((bytes / 1048576) * 10) / 10;
}

/** Runs the whole benchmark for one model; the caller (scripts/bench-pose) prints the figures. */
export async function runPoseBench(opts: PoseBenchOptions): Promise<PoseBenchFigures> {
  const video = await loadVideo(opts.videoUrl);
  const cold = createPoseClient();
  const coldInitMs = await timeToFirstLandmarks(cold, opts, video);
  cold.terminate();

  const initTasks = watchLongTasks();
  const client = createPoseClient();
  const initMs = await timeToFirstLandmarks(client, opts, video);
  const initLong = initTasks.stop();

  const liveTasks = watchLongTasks();
  const live = await runLive(client, opts, video);
  const liveLong = liveTasks.stop();
  const memory = await workerMemoryMb();

  const upload = opts.upload ? await runUpload(client, opts.videoUrl) : null;
  client.terminate();
  video.remove();
  return {
    inferenceP50Ms: quantile(live.inference, 0.5),
    inferenceP95Ms: quantile(live.inference, 0.95),
    roundTripP50Ms: quantile(live.roundTrip, 0.5),
    roundTripP95Ms: quantile(live.roundTrip, 0.95),
    overheadP50Ms: quantile(live.overhead, 0.5),
    liveFrames: live.inference.length,
    droppedFrames: live.dropped,
    uploadRealtimeFactor: upload?.realtimeFactor ?? null,
    uploadFrames: upload?.frames ?? 0,
    initMs,
    coldInitMs,
    longTasksDuringLive: liveLong.length,
    longTasksDuringInit: initLong.length,
    longestTaskMs: Math.round(Math.max(0, ...initLong, ...liveLong)),
    workerMemoryMb: memory,
  };
}
