import { BodySmoother, swapSides, toBodyPoints, type BodyPoints, type PoseFrame } from "../pose/index";
import type { ExerciseDefinition } from "./exercise-types";
import { measure, wristLiftBySide } from "./features";
import type { Metrics } from "./metric-names";
import type { View } from "./types";
import { SteadyArm } from "./steady-arm";
import { ViewTracker } from "./view";

/** One frame read: the person's measures, from where the camera sees them, and how well. */
export interface Reading {
  metrics: Metrics;
  view: View | undefined;
  /** 0..1, the share of the key joints seen. */
  seenShare: number;
  /** The pose measured: oriented and smoothed. */
  body: BodyPoints;
}

const KEY_LANDMARKS = [11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28];

/** Share of the key joints visible; a side view hides a quarter of them, which is still fine. */
function visibleShare(visible: readonly boolean[]): number {
  const seen = KEY_LANDMARKS.filter((i) => visible[i]).length / KEY_LANDMARKS.length;
  return Math.min(1, seen / 0.75);
}

/**
 * The first step of a frame's way through the engine: the pose, oriented (a mirrored camera's
 * sides swapped back) and smoothed, its view tracked, and everything measured that one moment
 * shows.
 */
export class BodyReader {
  private readonly smoother = new BodySmoother();
  private readonly imageSmoother = new BodySmoother();
  private readonly viewTracker = new ViewTracker();
  private readonly steadyArm = new SteadyArm();

  constructor(
    private readonly def: ExerciseDefinition,
    private readonly mirrored: boolean,
  ) {}

  /** Null when the frame has no person. */
  read(frame: PoseFrame): Reading | null {
    const raw = toBodyPoints(frame);
    if (!raw) return null;
    const body = this.smoother.push(this.orient(raw), frame.tMs);
    const view = this.viewTracker.update(body);
    const metrics = measure(body);
    const lift = this.steadyArm.lift(wristLiftBySide(body), frame.tMs);
    if (lift !== undefined) metrics.wristLiftRatio = lift;
    if (raw.metric && (this.def.elbowsInImage || this.def.sideMetricsInImage))
      this.measureInImage(frame, view, metrics);
    return { metrics, view, seenShare: visibleShare(body.visible), body };
  }

  reset(): void {
    this.smoother.reset();
    this.imageSmoother.reset();
    this.viewTracker.reset();
    this.steadyArm.reset();
  }

  private orient(raw: BodyPoints): BodyPoints {
    if (!this.mirrored) return raw;
    return {
      ...raw,
      points: swapSides(raw.points),
      visible: swapSides(raw.visible),
      visibility: swapSides(raw.visibility),
    };
  }

  /**
   * Seen from the side, arms that bend front to back bend in the image plane, so the image
   * measures their angles truly, while MediaPipe's world landmarks compress them (a full curl read
   * ~80 degrees at the top from world points, ~58 from the image, 45 in truth; a pressed-out arm
   * read 135 from world points, 158 from the image). The exercise's `sideMetricsInImage` (a
   * push-up's hip line) are taken from the image too when seen from the side or at an angle.
   */
  private measureInImage(frame: PoseFrame, view: View | undefined, metrics: Metrics): void {
    const imageRaw = toBodyPoints({ ...frame, worldLandmarks: undefined });
    if (!imageRaw) return;
    const image = measure(this.imageSmoother.push(this.orient(imageRaw), frame.tMs));
    if (view === "side" || view === "oblique") {
      for (const key of this.def.sideMetricsInImage ?? []) {
        const value = image[key];
        if (value !== undefined) metrics[key] = value;
      }
    }
    if (!this.def.elbowsInImage) return;
    if (this.def.elbowsInImage === "straightest") {
      // A press bends the elbows across the body: seen from the side that bend is in depth, where
      // the image would show a bent arm straight, so there only the world reading counts.
      const imageMax = view === "side" ? undefined : image.elbowMaxDeg;
      const straightest = Math.max(metrics.elbowMaxDeg ?? -Infinity, imageMax ?? -Infinity);
      if (Number.isFinite(straightest)) metrics.elbowStraightDeg = straightest;
      return;
    }
    if (view !== "side") return;
    for (const key of ["elbowDeg", "elbowMinDeg", "elbowMaxDeg"] as const) {
      const value = image[key];
      if (value !== undefined) metrics[key] = value;
    }
  }
}
