import type { Fault, LandmarkName, Vec3 } from "../types.ts";

/** mannequin-js joint angles in degrees: `{ l_knee: { bend: 90 } }`; unspecified parts stay at rest. */
export type JointAngles = Record<string, Record<string, number>>;

/** What the page needs to pose and place the figure for one frame. */
export interface Posture {
  joints: JointAngles;
  /** Landmarks whose horizontal midpoint is pinned to `offset` (the planted support). */
  anchor: LandmarkName[];
  offset: Vec3;
}

/** Figure segment lengths in metres, measured from the rendered figure at rest. */
export interface Segments {
  thighM: number;
  shankM: number;
  upperArmM: number;
  forearmM: number;
  /** Hip joint to shoulder joint, standing. */
  torsoM: number;
  /** Ankle joint height above the floor, standing. */
  ankleHeightM: number;
}

export interface PoseInput {
  /** 0 at the top of the movement, 1 at the bottom of this rep. */
  progress: number;
  /** Range of motion asked for (params.depth). */
  depth: number;
  faults: readonly Fault[];
  segments: Segments;
}

export interface ExerciseModel {
  pose(input: PoseInput): Posture;
  /** Range of motion a rep really reaches, given the asked depth and its faults. */
  repDepth(depth: number, faults: readonly Fault[]): number;
  /** The angle that best describes depth, and whether its minimum (true) or maximum is the extreme. */
  keyAngle: "kneeLeft" | "elbowLeft";
}

export const DEG = 180 / Math.PI;

/**
 * Two-link inverse kinematics in a vertical plane: from a root to a target, returns the first link's
 * direction angle from straight down (positive = forward) and the joint's bend (0 = straight).
 * `bendForward` chooses the knee-like solution whose middle joint sits ahead of the root→target line.
 */
export function twoLink(
  rootToTarget: { forwardM: number; downM: number },
  firstM: number,
  secondM: number,
  bendForward = true,
): { firstFromDownDeg: number; bendDeg: number } {
  const reach = Math.min(firstM + secondM - 1e-6, Math.hypot(rootToTarget.forwardM, rootToTarget.downM));
  const lineDeg = Math.atan2(rootToTarget.forwardM, rootToTarget.downM) * DEG;
  const cosRoot = (firstM * firstM + reach * reach - secondM * secondM) / (2 * firstM * reach);
  const rootOffsetDeg = Math.acos(Math.min(1, Math.max(-1, cosRoot))) * DEG;
  const cosMid = (firstM * firstM + secondM * secondM - reach * reach) / (2 * firstM * secondM);
  const interiorDeg = Math.acos(Math.min(1, Math.max(-1, cosMid))) * DEG;
  return {
    firstFromDownDeg: lineDeg + (bendForward ? rootOffsetDeg : -rootOffsetDeg),
    bendDeg: 180 - interiorDeg,
  };
}

export const has = (faults: readonly Fault[], fault: Fault): boolean => faults.includes(fault);
