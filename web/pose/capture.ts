/**
 * How frames leave the <video> for the worker. "bitmap" downsizes while copying (the detector runs
 * at 224 px and the landmark model at 256 px, so a 640-1920 px frame only costs upload time);
 * "videoframe" wraps the decoded frame without a copy and lets the worker scale it.
 */
export type CaptureMode = "bitmap" | "videoframe";

/** Width frames are scaled to before transfer; the models' inputs are 224-256 px. */
export const CAPTURE_WIDTH_PX = 320;

/** Size a frame is scaled to: at most `maxWidthPx` wide, keeping the aspect ratio. */
export function captureSize(
  widthPx: number,
  heightPx: number,
  maxWidthPx = CAPTURE_WIDTH_PX,
): { widthPx: number; heightPx: number } {
  if (widthPx <= maxWidthPx || widthPx === 0) return { widthPx, heightPx };
  return { widthPx: maxWidthPx, heightPx: Math.max(1, Math.round((heightPx * maxWidthPx) / widthPx)) };
}

/** Grabs the <video>'s current frame, ready to be transferred to the pose worker. */
export async function captureFrame(
  video: HTMLVideoElement,
  mode: CaptureMode = "bitmap",
  maxWidthPx = CAPTURE_WIDTH_PX,
): Promise<ImageBitmap | VideoFrame> {
  if (mode === "videoframe") return new VideoFrame(video);
  const { widthPx, heightPx } = captureSize(video.videoWidth, video.videoHeight, maxWidthPx);
  if (widthPx === video.videoWidth) return createImageBitmap(video);
  return createImageBitmap(video, { resizeWidth: widthPx, resizeHeight: heightPx, resizeQuality: "low" });
}
