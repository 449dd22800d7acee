import { MODEL_INPUT_SHORT_SIDE_PX, modelInputSize } from "./model-input-size";
import type { PoseFrameSource } from "./pose-types";

/**
 * How frames leave the <video> for the worker. "bitmap" is the app's way (`toModelInput`: a
 * `VideoFrame` the worker scales, or a scaled `ImageBitmap` at another short side); "videoframe"
 * always sends a `VideoFrame`.
 */
export type CaptureMode = "bitmap" | "videoframe";

export { MODEL_INPUT_SHORT_SIDE_PX, modelInputSize };

/** A camera or decoder frame: a playing <video>, a WebCodecs `VideoFrame` or an `ImageBitmap`. */
export type ModelInputSource = HTMLVideoElement | VideoFrame | ImageBitmap;

function sourceSize(source: ModelInputSource): { widthPx: number; heightPx: number } {
  if (source instanceof HTMLVideoElement) return { widthPx: source.videoWidth, heightPx: source.videoHeight };
  if ("displayWidth" in source) return { widthPx: source.displayWidth, heightPx: source.displayHeight };
  return { widthPx: source.width, heightPx: source.height };
}

/**
 * The one way a frame becomes the pose worker's input, for live capture and uploads alike. A <video>
 * becomes a `VideoFrame` that wraps its current frame without a copy, and a `VideoFrame` goes as it
 * is: the worker copies its planes out and scales them to a `MODEL_INPUT_SHORT_SIDE_PX` short side
 * (`videoFrameToImageData`), so the cost per frame does not depend on the camera and no frame
 * passes through Chromium's image decode cache (which kept every scaled frame: 190–450 MB during a
 * live set). An `ImageBitmap` is scaled here, and closed once copied. Transfer the result; the
 * worker closes it.
 */
export async function toModelInput(
  source: ModelInputSource,
  shortSidePx = MODEL_INPUT_SHORT_SIDE_PX,
): Promise<PoseFrameSource> {
  if (source instanceof HTMLVideoElement) {
    // The worker scales to the app's size; a bench asking for another size gets a scaled copy.
    if (typeof VideoFrame === "function" && shortSidePx === MODEL_INPUT_SHORT_SIDE_PX)
      return new VideoFrame(source);
    const target = modelInputSize(source.videoWidth, source.videoHeight, shortSidePx);
    return createImageBitmap(source, {
      resizeWidth: target.widthPx,
      resizeHeight: target.heightPx,
      resizeQuality: "low",
    });
  }
  if ("displayWidth" in source) return source;
  const full = sourceSize(source);
  const target = modelInputSize(full.widthPx, full.heightPx, shortSidePx);
  if (target.widthPx === full.widthPx && target.heightPx === full.heightPx) return source;
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
