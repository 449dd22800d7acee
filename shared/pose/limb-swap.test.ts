import { describe, expect, it } from "vitest";
import type { BodyPoints } from "./body-points";
import { BodySmoother } from "./body-points";
import { LANDMARK_COUNT, LM } from "./landmarks";
import { unswapLimbs } from "./limb-swap";
import { vec, type Vec3 } from "./vec";

/** A person facing the camera, arms out to the sides: left at +x, right at -x (metres, y up). */
function facing(): BodyPoints {
  const points: Vec3[] = Array.from({ length: LANDMARK_COUNT }, () => vec(0, 1, 0));
  const side = (sign: 1 | -1, left: boolean) => {
    const at = (name: keyof typeof LM, x: number, y: number) => {
      points[LM[name]] = vec(sign * x, y, 0);
    };
    const p = left ? "left" : "right";
    at(`${p}Shoulder` as keyof typeof LM, 0.2, 1.5);
    at(`${p}Elbow` as keyof typeof LM, 0.5, 1.5);
    at(`${p}Wrist` as keyof typeof LM, 0.8, 1.5);
    for (const hand of ["Pinky", "Index", "Thumb"]) at(`${p}${hand}` as keyof typeof LM, 0.85, 1.5);
    at(`${p}Hip` as keyof typeof LM, 0.12, 1.0);
    at(`${p}Knee` as keyof typeof LM, 0.14, 0.55);
    at(`${p}Ankle` as keyof typeof LM, 0.15, 0.1);
    at(`${p}Heel` as keyof typeof LM, 0.15, 0.05);
    at(`${p}FootIndex` as keyof typeof LM, 0.15, 0.02);
  };
  side(1, true);
  side(-1, false);
  return {
    points,
    visible: points.map(() => true),
    visibility: points.map(() => 0.9),
    metric: true,
  };
}

/** The same pose with only the arms' labels swapped, as the model sometimes reports. */
function armsSwapped(body: BodyPoints): BodyPoints {
  const points = body.points.slice();
  for (const [l, r] of [
    [LM.leftElbow, LM.rightElbow],
    [LM.leftWrist, LM.rightWrist],
    [LM.leftPinky, LM.rightPinky],
    [LM.leftIndex, LM.rightIndex],
    [LM.leftThumb, LM.rightThumb],
  ] as const) {
    [points[l], points[r]] = [points[r] as Vec3, points[l] as Vec3];
  }
  return { ...body, points };
}

describe("limb label swaps", () => {
  it("puts an arm pair swapped for a frame back on its side", () => {
    const body = facing();
    const fixed = unswapLimbs(armsSwapped(body), body.points);
    expect(fixed.points[LM.leftWrist]?.x).toBeCloseTo(0.8);
    expect(fixed.points[LM.rightElbow]?.x).toBeCloseTo(-0.5);
  });

  it("leaves a pose alone when its labels fit where the limbs were", () => {
    const body = facing();
    expect(unswapLimbs(body, body.points)).toBe(body);
  });

  it("keeps the smoothed arms on their sides through a run of swapped frames", () => {
    const smoother = new BodySmoother();
    let out = smoother.push(facing(), 0);
    for (let t = 33; t < 500; t += 33) out = smoother.push(armsSwapped(facing()), t);
    expect(out.points[LM.leftWrist]?.x).toBeGreaterThan(0.7);
    expect(out.points[LM.rightWrist]?.x).toBeLessThan(-0.7);
  });
});
