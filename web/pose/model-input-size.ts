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
