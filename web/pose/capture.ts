import type { PoseFrameSource } from "./pose-types";

/**
 * How frames leave the <video> for the worker. "bitmap" scales while copying (`toModelInput`);
 * "videoframe" wraps the decoded frame without a copy and leaves the scaling to MediaPipe.
 */
export type CaptureMode = "bitmap" | "videoframe";

/**
 * Short side frames are scaled to before they reach the worker. MediaPipe crops the person and
 * scales the crop to the landmark model's 256 px input, so a person who fills the frame's height
 * needs about that many rows. Chosen by `npm run bench:pose -- --input-sizes` on the real clips:
 * the smallest side whose landmarks stay within 1.5 % of the torso of the full-size result (median
 * per clip); at 256 px a push-up filmed from the side moved 2.3 %.
 */
export const MODEL_INPUT_SHORT_SIDE_PX = 288;

/** Size a frame is scaled to: short side at most `shortSidePx`, keeping the aspect ratio. */
export function modelInputSize(
  widthPx: number,
  heightPx: number,
  shortSidePx = MODEL_INPUT_SHORT_SIDE_PX,
): { widthPx: number; heightPx: number } {
  const shortPx = Math.min(widthPx, heightPx);
  if (shortPx <= shortSidePx || shortPx === 0) return { widthPx, heightPx };
  const scale = shortSidePx / shortPx;
  return {
    widthPx: Math.max(1, Math.round(widthPx * scale)),
    heightPx: Math.max(1, Math.round(heightPx * scale)),
  };
}

/** A camera or decoder frame: a playing <video>, a WebCodecs `VideoFrame` or an `ImageBitmap`. */
export type ModelInputSource = HTMLVideoElement | VideoFrame | ImageBitmap;

function sourceSize(source: ModelInputSource): { widthPx: number; heightPx: number } {
  if (source instanceof HTMLVideoElement) return { widthPx: source.videoWidth, heightPx: source.videoHeight };
  if ("displayWidth" in source) return { widthPx: source.displayWidth, heightPx: source.displayHeight };
  return { widthPx: source.width, heightPx: source.height };
}

/**
 * The one way a frame becomes the pose worker's input, for live capture and uploads alike: one
 * scaled copy whose short side is `MODEL_INPUT_SHORT_SIDE_PX`, so the cost per frame no longer
 * depends on the camera. MediaPipe would otherwise copy the full frame into its own image and scale
 * it itself. A `VideoFrame` or `ImageBitmap` passed in is consumed: closed once copied, or returned
 * as it is when it is already small enough (no copy at all). Transfer the result; the worker closes it.
 */
export async function toModelInput(
  source: ModelInputSource,
  shortSidePx = MODEL_INPUT_SHORT_SIDE_PX,
): Promise<PoseFrameSource> {
  const full = sourceSize(source);
  const target = modelInputSize(full.widthPx, full.heightPx, shortSidePx);
  const scaled = target.widthPx !== full.widthPx || target.heightPx !== full.heightPx;
  if (source instanceof HTMLVideoElement) {
    return scaled
      ? createImageBitmap(source, {
          resizeWidth: target.widthPx,
          resizeHeight: target.heightPx,
          resizeQuality: "low",
        })
      : createImageBitmap(source);
  }
  if (!scaled) return source;
  try {
    return await createImageBitmap(source, {
      resizeWidth: target.widthPx,
      resizeHeight: target.heightPx,
      resizeQuality: "low",
    });
  } finally {
    source.close();
  }
}

/** Grabs the <video>'s current frame, ready to be transferred to the pose worker. */
export async function captureFrame(
  video: HTMLVideoElement,
  mode: CaptureMode = "bitmap",
  shortSidePx = MODEL_INPUT_SHORT_SIDE_PX,
): Promise<PoseFrameSource> {
  if (mode === "videoframe") return new VideoFrame(video);
  return toModelInput(video, shortSidePx);
}
