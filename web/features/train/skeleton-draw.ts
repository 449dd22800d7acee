import { SKELETON_EDGES, type Landmark } from "../../../shared/pose";

// Below this the model is guessing where an occluded joint is; drawing it would mislead.
const MIN_VISIBILITY = 0.3;

/**
 * Draws the pose over a canvas the size of the video frame (normalised coordinates scaled up).
 * Clears the canvas when there are no landmarks, so a stale skeleton never lingers.
 */
export function drawSkeleton(canvas: HTMLCanvasElement, landmarks: readonly Landmark[]): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  if (landmarks.length === 0) return;
  const seen = (p: Landmark | undefined): p is Landmark => !!p && p.visibility >= MIN_VISIBILITY;
  ctx.lineWidth = Math.max(2, width / 240);
  ctx.strokeStyle = "#22d3ee";
  ctx.beginPath();
  for (const [a, b] of SKELETON_EDGES) {
    const from = landmarks[a];
    const to = landmarks[b];
    if (!seen(from) || !seen(to)) continue;
    ctx.moveTo(from.x * width, from.y * height);
    ctx.lineTo(to.x * width, to.y * height);
  }
  ctx.stroke();
  ctx.fillStyle = "#f8fafc";
  const radius = Math.max(2.5, width / 200);
  for (const point of landmarks) {
    if (!seen(point)) continue;
    ctx.beginPath();
    ctx.arc(point.x * width, point.y * height, radius, 0, Math.PI * 2);
    ctx.fill();
  }
}
