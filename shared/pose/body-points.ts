import type { Landmark, PoseFrame } from "./landmarks";
import { LANDMARK_COUNT } from "./landmarks";
import { OneEuroFilter, DEFAULT_ONE_EURO, type OneEuroOptions } from "./one-euro";
import { unswapLimbs } from "./limb-swap";
import { vec, type Vec3 } from "./vec";

/**
 * A pose in a y-up frame: x to the image right, y up, z toward the camera. Units are metres for
 * world landmarks, or frame heights for image landmarks. `visible[i]` says whether point i can be
 * trusted on this frame.
 */
export interface BodyPoints {
  points: Vec3[];
  visible: boolean[];
  /** The model's visibility per point, 0..1 (held points report a reduced value). */
  visibility: number[];
  /** Whether the points come from world landmarks (metres) rather than the image. */
  metric: boolean;
}

/** Visibility below which a landmark is treated as not seen. */
export const MIN_VISIBILITY = 0.5;
/** Time constant of the visibility smoothing. */
const VISIBILITY_SMOOTHING_MS = 400;

/**
 * Converts one frame to y-up points, from world landmarks when present, else from image
 * landmarks in 2D scaled by the frame aspect so that angles in the image plane are true (side
 * views then work; depth-dependent judgements need world landmarks). Null for an empty frame.
 */
export function toBodyPoints(frame: PoseFrame): BodyPoints | null {
  if (frame.landmarks.length < LANDMARK_COUNT) return null;
  const world = frame.worldLandmarks;
  const useWorld = world !== undefined && world.length >= LANDMARK_COUNT;
  const aspect = frame.imageAspect ?? 1;
  const points: Vec3[] = [];
  const visible: boolean[] = [];
  const visibility: number[] = [];
  for (let i = 0; i < LANDMARK_COUNT; i++) {
    const image = frame.landmarks[i] as Landmark;
    const source = useWorld ? (world[i] as Landmark) : image;
    const k = useWorld ? 1 : aspect;
    // Image z is too rough to measure angles with; without world landmarks, judge in 2D.
    points.push(vec(source.x * k, -source.y, useWorld ? -source.z : 0));
    visible.push(Number.isFinite(source.x) && image.visibility >= MIN_VISIBILITY);
    visibility.push(image.visibility);
  }
  return { points, visible, visibility, metric: useWorld };
}

/**
 * Smooths body points over time with one One Euro filter per coordinate. A point that is not
 * visible does not update its filter; for up to `holdMs` its last smoothed position stands in
 * (a landmark flickering in and out of view should not make the measures that use it flicker),
 * after that it counts as unseen, and after `maxGapMs` its filter restarts so that it does not
 * glide in from a stale position.
 */
export class BodySmoother {
  private readonly filters: OneEuroFilter[][];
  private readonly lastSeenMs: number[];
  private readonly steadyVisibility: number[];
  private lastMs: number | null = null;

  constructor(
    options: OneEuroOptions = DEFAULT_ONE_EURO,
    private readonly holdMs = 400,
    private readonly maxGapMs = 600,
  ) {
    this.filters = Array.from({ length: LANDMARK_COUNT }, () => [
      new OneEuroFilter(options),
      new OneEuroFilter(options),
      new OneEuroFilter(options),
    ]);
    this.lastSeenMs = new Array<number>(LANDMARK_COUNT).fill(Number.NEGATIVE_INFINITY);
    this.steadyVisibility = new Array<number>(LANDMARK_COUNT).fill(-1);
  }

  /** Filters one frame's points taken at `tMs`. */
  push(input: BodyPoints, tMs: number): BodyPoints {
    const body = unswapLimbs(input, this.lastPositions(tMs));
    const visible = body.visible.slice();
    const dtMs = this.lastMs === null ? 0 : Math.max(0, tMs - this.lastMs);
    this.lastMs = tMs;
    const k = 1 - Math.exp(-dtMs / VISIBILITY_SMOOTHING_MS);
    // Smoothed, so that the choice of which side to measure on does not flip frame by frame.
    const visibility = body.visibility.map((raw, i) => {
      const previous = this.steadyVisibility[i] as number;
      const next = previous < 0 ? raw : previous + k * (raw - previous);
      this.steadyVisibility[i] = next;
      return next;
    });
    const points = body.points.map((point, i) => {
      const [fx, fy, fz] = this.filters[i] as [OneEuroFilter, OneEuroFilter, OneEuroFilter];
      const sinceMs = tMs - (this.lastSeenMs[i] as number);
      if (!body.visible[i]) {
        const held = sinceMs <= this.holdMs && fx.current !== null;
        visible[i] = held;
        return held ? vec(fx.current ?? 0, fy.current ?? 0, fz.current ?? 0) : point;
      }
      if (sinceMs > this.maxGapMs) [fx, fy, fz].forEach((f) => f.reset());
      this.lastSeenMs[i] = tMs;
      return vec(fx.filter(point.x, tMs), fy.filter(point.y, tMs), fz.filter(point.z, tMs));
    });
    return { points, visible, visibility, metric: body.metric };
  }

  /** Each point's smoothed position if it was seen recently, for continuity checks. */
  private lastPositions(tMs: number): (Vec3 | null)[] {
    return this.filters.map(([fx, fy, fz], i) =>
      fx && fy && fz && fx.current !== null && tMs - (this.lastSeenMs[i] as number) <= this.maxGapMs
        ? vec(fx.current, fy.current ?? 0, fz.current ?? 0)
        : null,
    );
  }

  /** Forgets all history. */
  reset(): void {
    this.filters.forEach((triple) => triple.forEach((f) => f.reset()));
    this.lastSeenMs.fill(Number.NEGATIVE_INFINITY);
    this.steadyVisibility.fill(-1);
    this.lastMs = null;
  }
}
