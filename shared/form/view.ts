import { LM, type BodyPoints } from "../pose/index";
import { bodyYawDeg } from "./features";
import type { View } from "./types";

const FRONT_MAX_DEG = 25;
const SIDE_MIN_DEG = 62;
const HYSTERESIS_DEG = 8;
const KEY_PAIRS = [
  [LM.leftShoulder, LM.rightShoulder],
  [LM.leftHip, LM.rightHip],
  [LM.leftKnee, LM.rightKnee],
] as const;

function classify(yawDeg: number, previous: View | undefined): View {
  const margin = (view: View): number => (view === previous ? HYSTERESIS_DEG : 0);
  if (yawDeg < FRONT_MAX_DEG + margin("front")) return "front";
  if (yawDeg > SIDE_MIN_DEG - margin("side")) return "side";
  return "oblique";
}

/**
 * Tracks from which angle the camera sees the person. The yaw of the hip (or shoulder) line is
 * smoothed over time; when the far side is hidden, that alone says "side".
 */
export class ViewTracker {
  private yawDeg: number | undefined;
  private view: View | undefined;

  get current(): View | undefined {
    return this.view;
  }

  /** Updates with one frame; returns the view, or undefined when it cannot tell yet. */
  update(body: BodyPoints): View | undefined {
    const measured = bodyYawDeg(body) ?? (oneSideHidden(body) ? 90 : undefined);
    if (measured === undefined) return this.view;
    this.yawDeg = this.yawDeg === undefined ? measured : this.yawDeg + 0.25 * (measured - this.yawDeg);
    this.view = classify(this.yawDeg, this.view);
    return this.view;
  }

  reset(): void {
    this.yawDeg = undefined;
    this.view = undefined;
  }
}

function oneSideHidden(body: BodyPoints): boolean {
  let left = 0;
  let right = 0;
  for (const [l, r] of KEY_PAIRS) {
    if (body.visible[l]) left++;
    if (body.visible[r]) right++;
  }
  return Math.abs(left - right) >= 2;
}
