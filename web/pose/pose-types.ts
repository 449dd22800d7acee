import type { Landmark } from "../../shared/pose";
import type { PoseModelVariant } from "./assets";

/** What the page asks the pose worker to load. CPU (XNNPACK) is the default; GPU only on request. */
export interface PoseInitOptions {
  model: PoseModelVariant;
  delegate: "CPU" | "GPU";
}

/** Download progress while the worker loads the runtime, the model bundle, then compiles. */
export interface PoseLoadProgress {
  stage: "runtime" | "model" | "compile";
  loadedBytes: number;
  totalBytes: number;
}

/** What the worker actually loaded: `delegate` is "CPU" with a `fallbackNote` when GPU failed. */
export interface PoseInitResult {
  model: PoseModelVariant;
  delegate: "CPU" | "GPU";
  fallbackNote?: string;
  /** Worker start (first init call) to the landmarker being ready. */
  initMs: number;
}

/** Landmarks for one frame. Empty arrays when no person was found. */
export interface PoseResult {
  /** The timestamp passed in with the frame. */
  tMs: number;
  /** 33 normalised image landmarks (x, y in 0..1 of the frame). */
  landmarks: Landmark[];
  /** 33 world landmarks in metres, origin between the hips. */
  worldLandmarks: Landmark[];
  /** The pose presence score when the model reports one. */
  presence: number | null;
  /** Width / height of the frame the landmarks came from. */
  imageAspect: number;
  /** `roundTripMs` (send to result, on the page) is added by the page-side client. */
  timings: { inferenceMs: number; workerMs: number; roundTripMs?: number };
}

export type PoseFrameSource = ImageBitmap | VideoFrame;

export type ProgressCallback = (progress: PoseLoadProgress) => void;

/** Names of the performance marks and measures that traces and benchmarks read. */
export const POSE_MARKS = {
  workerStart: "pose:worker-start",
  modelLoaded: "pose:model-loaded",
  firstLandmarks: "pose:first-landmarks",
  inference: "pose:inference",
  roundTrip: "pose:round-trip",
} as const;

/** A pose worker failure with a code the page can show or branch on. */
export class PoseError extends Error {
  constructor(
    readonly code: "not-initialised" | "model-fetch" | "init-failed" | "aborted" | "terminated",
    message: string,
  ) {
    super(message);
    this.name = "PoseError";
  }
}
