import { expose } from "comlink";
import { FilesetResolver, PoseLandmarker, type NormalizedLandmark } from "@mediapipe/tasks-vision";
import type { Landmark } from "../../shared/pose";
import { POSE_MODEL_URLS, POSE_RUNTIME_BASE, POSE_RUNTIME_FILES } from "./assets";
import { fetchWithProgress, isCached } from "./fetch-progress";
import { videoFrameToImageData, type FrameBuffers } from "./frame-pixels";
import { modelInputSize } from "./model-input-size";
import {
  POSE_MARKS,
  PoseError,
  type PoseFrameSource,
  type PoseInitOptions,
  type PoseInitResult,
  type PoseResult,
  type ProgressCallback,
} from "./pose-types";

export type {
  PoseInitOptions,
  PoseInitResult,
  PoseLoadProgress,
  PoseResult,
  PoseFrameSource,
} from "./pose-types";

performance.mark(POSE_MARKS.workerStart);

let landmarker: PoseLandmarker | null = null;
let sawLandmarks = false;
// MediaPipe's VIDEO mode needs strictly increasing timestamps; callers may repeat one (e.g. a
// looped file), so the worker nudges repeats forward while reporting the caller's own value.
let lastMediapipeTs = -1;
// MediaPipe keeps whole microseconds internally; a whole millisecond never rounds to a repeat.
const MIN_STEP_MS = 1;
let spareBuffers: FrameBuffers | null = {};
let detectTail: Promise<void> = Promise.resolve();

function toLandmarks(points: NormalizedLandmark[] | undefined): Landmark[] {
  if (!points) return [];
  return points.map(({ x, y, z, visibility }) => ({ x, y, z, visibility: visibility ?? 0 }));
}

async function prefetchRuntime(onProgress: ProgressCallback): Promise<void> {
  const wasmUrl = POSE_RUNTIME_FILES.find((f) => f.endsWith(".wasm"));
  if (!wasmUrl || (await isCached(wasmUrl))) {
    onProgress({ stage: "runtime", loadedBytes: 1, totalBytes: 1 });
    return;
  }
  // Reading it once here fills the service-worker cache, which MediaPipe then reads from.
  await fetchWithProgress(wasmUrl, (loadedBytes, totalBytes) =>
    onProgress({ stage: "runtime", loadedBytes, totalBytes }),
  );
}

async function createLandmarker(model: Uint8Array, delegate: "CPU" | "GPU"): Promise<PoseLandmarker> {
  const fileset = await FilesetResolver.forVisionTasks(POSE_RUNTIME_BASE, true);
  return PoseLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetBuffer: model, delegate },
    runningMode: "VIDEO",
    numPoses: 1,
    // The GPU delegate needs its own WebGL context; a worker only has OffscreenCanvas.
    ...(delegate === "GPU" ? { canvas: new OffscreenCanvas(1, 1) } : {}),
  });
}

/**
 * Runs one blank frame through the graph: the first inference sets up the delegate and packs
 * weights (hundreds of ms), which would otherwise stall the first camera frames of a set.
 */
function warmUp(target: PoseLandmarker): void {
  target.detectForVideo(new ImageData(WARM_UP_SIZE_PX, WARM_UP_SIZE_PX), 0);
  lastMediapipeTs = 0;
}

const WARM_UP_SIZE_PX = 64;

const api = {
  async init(opts: PoseInitOptions, onProgress: ProgressCallback): Promise<PoseInitResult> {
    // A comlink proxy: each call is a message to the page, so the worker never waits on it.
    const report: ProgressCallback = (p) => void onProgress(p);
    landmarker?.close();
    landmarker = null;
    sawLandmarks = false;
    lastMediapipeTs = -1;
    await prefetchRuntime(report);
    const model = await fetchWithProgress(POSE_MODEL_URLS[opts.model], (loadedBytes, totalBytes) =>
      report({ stage: "model", loadedBytes, totalBytes }),
    );
    report({ stage: "compile", loadedBytes: 0, totalBytes: 1 });
    let delegate = opts.delegate;
    let fallbackNote: string | undefined;
    if (delegate === "GPU" && typeof OffscreenCanvas === "undefined") {
      delegate = "CPU";
      fallbackNote = "GPU needs OffscreenCanvas in workers, which this browser lacks: using CPU.";
    }
    try {
      landmarker = await createLandmarker(model, delegate);
    } catch (error) {
      if (delegate !== "GPU")
        throw new PoseError("init-failed", `Pose model failed to start: ${String(error)}`);
      delegate = "CPU";
      fallbackNote = `GPU could not start (${String(error)}): using CPU.`;
      landmarker = await createLandmarker(model, delegate);
    }
    warmUp(landmarker);
    report({ stage: "compile", loadedBytes: 1, totalBytes: 1 });
    performance.mark(POSE_MARKS.modelLoaded);
    const initMs = performance.measure("pose:init", POSE_MARKS.workerStart, POSE_MARKS.modelLoaded).duration;
    return { model: opts.model, delegate, initMs, ...(fallbackNote ? { fallbackNote } : {}) };
  },

  /** Finds the pose in one transferred frame, then closes the frame. */
  async detect(frame: PoseFrameSource, tMs: number): Promise<PoseResult> {
    // One at a time, in the order sent: a file's page sends frames ahead so this worker never idles.
    const turn = detectTail;
    let endTurn: () => void = () => undefined;
    detectTail = new Promise<void>((resolve) => (endTurn = resolve));
    await turn;
    const workerStart = performance.now();
    let buffers: FrameBuffers | null = null;
    try {
      if (!landmarker) throw new PoseError("not-initialised", "Call init before detect.");
      const imageAspect = frameAspect(frame);
      // One set of buffers serves frame after frame; a call overlapping another makes its own.
      buffers = spareBuffers ?? {};
      spareBuffers = null;
      const input = isVideoFrame(frame) ? await scaledPixels(frame, buffers) : frame;
      if (!landmarker) throw new PoseError("not-initialised", "The pose model was closed.");
      const mediapipeTs = Math.max(tMs, lastMediapipeTs + MIN_STEP_MS);
      lastMediapipeTs = mediapipeTs;
      const inferenceStart = performance.now();
      const result = landmarker.detectForVideo(input, mediapipeTs);
      const inferenceMs = performance.measure(POSE_MARKS.inference, { start: inferenceStart }).duration;
      const landmarks = toLandmarks(result.landmarks[0]);
      if (landmarks.length > 0 && !sawLandmarks) {
        sawLandmarks = true;
        performance.mark(POSE_MARKS.firstLandmarks);
      }
      return {
        tMs,
        landmarks,
        worldLandmarks: toLandmarks(result.worldLandmarks[0]),
        presence: result.landmarks[0]?.[0]?.presence ?? null,
        imageAspect,
        timings: { inferenceMs, workerMs: performance.now() - workerStart },
      };
    } finally {
      frame.close();
      if (buffers) spareBuffers = buffers;
      endTurn();
    }
  },

  /** Worker start to the first frame with a person, or null before any. */
  firstLandmarksMs(): number | null {
    if (!sawLandmarks) return null;
    return performance.measure("pose:to-first-landmarks", POSE_MARKS.workerStart, POSE_MARKS.firstLandmarks)
      .duration;
  },

  close(): void {
    landmarker?.close();
    landmarker = null;
  },
};

function isVideoFrame(frame: PoseFrameSource): frame is VideoFrame {
  return typeof VideoFrame === "function" && frame instanceof VideoFrame;
}

/**
 * The frame as plain pixels at the model's input size, closed as soon as they are copied out, so
 * the camera gets its buffer back before inference. MediaPipe given the frame itself would upload
 * it to WebGL, which goes through Chromium's image decode cache and keeps every frame there.
 */
async function scaledPixels(frame: VideoFrame, buffers: FrameBuffers): Promise<ImageData> {
  const target = modelInputSize(frame.displayWidth, frame.displayHeight);
  try {
    return await videoFrameToImageData(frame, target.widthPx, target.heightPx, buffers);
  } finally {
    frame.close();
  }
}

function frameAspect(frame: PoseFrameSource): number {
  const width = "displayWidth" in frame ? frame.displayWidth : frame.width;
  const height = "displayHeight" in frame ? frame.displayHeight : frame.height;
  return height > 0 ? width / height : 1;
}

export type PoseApi = typeof api;

expose(api);
