import { SKELETON_EDGES, type Landmark } from "../../../shared/pose";

const MIN_VISIBILITY = 0.5;

/** Draws the skeleton over a canvas the size of the displayed video. */
export function drawSkeleton(
  context: CanvasRenderingContext2D,
  landmarks: readonly Landmark[],
  faulty: boolean,
): void {
  const { width, height } = context.canvas;
  context.clearRect(0, 0, width, height);
  if (landmarks.length === 0) return;
  context.lineWidth = Math.max(2, width / 240);
  context.strokeStyle = faulty ? "#f59e0b" : "#22d3ee";
  context.fillStyle = "#f8fafc";
  for (const [a, b] of SKELETON_EDGES) {
    const p = landmarks[a];
    const q = landmarks[b];
    if (!p || !q || p.visibility < MIN_VISIBILITY || q.visibility < MIN_VISIBILITY) continue;
    context.beginPath();
    context.moveTo(p.x * width, p.y * height);
    context.lineTo(q.x * width, q.y * height);
    context.stroke();
  }
  const radius = Math.max(2, width / 200);
  for (const point of landmarks) {
    if (point.visibility < MIN_VISIBILITY) continue;
    context.beginPath();
    context.arc(point.x * width, point.y * height, radius, 0, Math.PI * 2);
    context.fill();
  }
}
