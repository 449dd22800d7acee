import type { Landmark } from "../../../shared/pose";

/** The frames one worker analyses: presentation times in [fromMs, toMs). */
export interface PartRange {
  fromMs: number;
  toMs: number;
  /** Frames of the file in this part. */
  frameCount: number;
}

/**
 * Two overlapping halves of a file, and the stretch of the overlap where the stitch may go:
 * the second worker starts `leadMs` before the middle, so it has found and tracked the person for
 * at least `warmMs` before any frame of its own is kept.
 */
export interface SplitPlan {
  parts: [PartRange, PartRange];
  /** Seam candidates: frame times in [fromMs, toMs), which both parts analyse. */
  seam: { fromMs: number; toMs: number };
}

export interface SplitOptions {
  /** How long before the middle the second part starts. */
  leadMs?: number;
  /** How long the second part runs before its frames may be kept. */
  warmMs?: number;
  /** How long after the middle the first part goes on. */
  tailMs?: number;
}

/** Overlap defaults: 1.5 s of re-acquisition for the second worker, a 1 s window to stitch in. */
export const SPLIT_DEFAULTS: Required<SplitOptions> = { leadMs: 1500, warmMs: 1000, tailMs: 500 };

function indexAtOrAfter(times: readonly number[], tMs: number): number {
  const i = times.findIndex((t) => t >= tMs);
  return i < 0 ? times.length : i;
}

/**
 * Plans a split of a file whose frames are at `frameTimesMs` (ascending), or returns null when
 * the file is too short for the overlap to leave each worker real work of its own.
 */
export function planSplit(frameTimesMs: readonly number[], options: SplitOptions = {}): SplitPlan | null {
  const { leadMs, warmMs, tailMs } = { ...SPLIT_DEFAULTS, ...options };
  const n = frameTimesMs.length;
  if (n < 2) return null;
  const firstMs = frameTimesMs[0]!;
  const lastMs = frameTimesMs[n - 1]!;
  // Below this, the frames analysed twice would eat most of what the second core saves.
  if (lastMs - firstMs < 3 * (leadMs + tailMs)) return null;
  // The second part starts `leadMs` early and the first runs `tailMs` late: move the middle so
  // both workers get the same amount of work and finish together.
  const midMs = frameTimesMs[indexAtOrAfter(frameTimesMs, (firstMs + lastMs + leadMs - tailMs) / 2)]!;
  const bStart = indexAtOrAfter(frameTimesMs, midMs - leadMs);
  const aEnd = indexAtOrAfter(frameTimesMs, midMs + tailMs);
  const bFromMs = frameTimesMs[bStart]!;
  const aToMs = frameTimesMs[aEnd] ?? Infinity;
  return {
    parts: [
      { fromMs: -Infinity, toMs: aToMs, frameCount: aEnd },
      { fromMs: bFromMs, toMs: Infinity, frameCount: n - bStart },
    ],
    seam: { fromMs: Math.min(bFromMs + warmMs, aToMs), toMs: aToMs },
  };
}

/** Frames as the stitch needs them: a time and the landmarks found then. */
export interface StitchFrame {
  tMs: number;
  landmarks: readonly Landmark[];
}

/** Mean image-plane distance between two poses; 0 when neither has a person, Infinity when one has. */
export function poseDistance(a: readonly Landmark[], b: readonly Landmark[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  if (a.length !== b.length) return Infinity;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.hypot(a[i]!.x - b[i]!.x, a[i]!.y - b[i]!.y);
  return sum / a.length;
}

/**
 * The seam: the time inside the window where the two workers agree best on the pose, so the
 * stitched stream has no jump there. The earliest such frame wins a tie; null when the two
 * parts share no frame in the window.
 */
export function chooseSeam<F extends StitchFrame>(
  first: readonly F[],
  second: readonly F[],
  window: SplitPlan["seam"],
): number | null {
  const secondAt = new Map(second.map((f) => [f.tMs, f]));
  let best: { tMs: number; distance: number } | null = null;
  for (const a of first) {
    if (a.tMs < window.fromMs || a.tMs >= window.toMs) continue;
    const b = secondAt.get(a.tMs);
    if (!b) continue;
    const distance = poseDistance(a.landmarks, b.landmarks);
    if (!best || distance < best.distance) best = { tMs: a.tMs, distance };
  }
  return best?.tMs ?? null;
}

/**
 * One stream from two: the first part's frames before the seam, the second's from it on. Every
 * frame time appears once, in order. Without a seam (no shared frame), the second part's frames
 * take over after the first part's last one.
 */
export function stitch<F extends StitchFrame>(
  first: readonly F[],
  second: readonly F[],
  seamMs: number | null,
): F[] {
  if (seamMs === null) {
    const lastFirstMs = first.at(-1)?.tMs ?? -Infinity;
    return [...first, ...second.filter((f) => f.tMs > lastFirstMs)];
  }
  return [...first.filter((f) => f.tMs < seamMs), ...second.filter((f) => f.tMs >= seamMs)];
}
