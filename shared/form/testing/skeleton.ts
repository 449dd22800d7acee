import { add, cross, dot, norm, scale, sub, unit, vec, type Vec3 } from "../../pose/index";

/** Body proportions of a synthetic person, in metres. */
export interface Proportions {
  heightM: number;
  shinM: number;
  thighM: number;
  torsoM: number;
  neckM: number;
  upperArmM: number;
  forearmM: number;
  hipWidthM: number;
  shoulderWidthM: number;
  ankleHeightM: number;
  /** Ankle to toe tip along the foot. */
  footForwardM: number;
  /** Ankle to back of the heel. */
  heelBackM: number;
}

/**
 * Proportions from height (anthropometric segment ratios) with a femur scale: long femurs
 * (> 1) make a squatter lean forward more without it being a fault.
 */
export function proportions(heightM: number, femurScale = 1, armScale = 1): Proportions {
  const h = heightM;
  return {
    heightM: h,
    shinM: 0.247 * h,
    thighM: 0.245 * h * femurScale,
    torsoM: 0.29 * h,
    neckM: 0.1 * h,
    upperArmM: 0.186 * h * armScale,
    forearmM: 0.146 * h * armScale,
    hipWidthM: 0.1 * h,
    shoulderWidthM: 0.21 * h,
    ankleHeightM: 0.039 * h,
    footForwardM: 0.11 * h,
    heelBackM: 0.035 * h,
  };
}

/** Joint positions of the synthetic body: y up, metres. Left/right are the person's sides. */
export interface Joints {
  head: Vec3;
  /** Unit vectors for the head: where the face points and the top of the head. */
  faceForward: Vec3;
  faceUp: Vec3;
  leftShoulder: Vec3;
  rightShoulder: Vec3;
  leftElbow: Vec3;
  rightElbow: Vec3;
  leftWrist: Vec3;
  rightWrist: Vec3;
  leftHip: Vec3;
  rightHip: Vec3;
  leftKnee: Vec3;
  rightKnee: Vec3;
  leftAnkle: Vec3;
  rightAnkle: Vec3;
  leftHeel: Vec3;
  rightHeel: Vec3;
  leftToe: Vec3;
  rightToe: Vec3;
}

export const UP = vec(0, 1, 0);
/** The person faces +z in the body frame; their left is +x. */
export const FORWARD = vec(0, 0, 1);
export const LEFT = vec(1, 0, 0);

/** Direction tilted from `base` toward `toward` by `deg` degrees (both unit, perpendicular). */
export function tilt(base: Vec3, toward: Vec3, deg: number): Vec3 {
  const r = (deg * Math.PI) / 180;
  return add(scale(base, Math.cos(r)), scale(toward, Math.sin(r)));
}

/**
 * Two-bone inverse kinematics: the middle joint between `root` and `tip` for bones of length
 * `a` and `b`, bending toward `hint`. An out-of-reach tip is pulled in along the line.
 */
export function solveMiddle(root: Vec3, tip: Vec3, a: number, b: number, hint: Vec3): Vec3 {
  const span = sub(tip, root);
  const d = Math.min(Math.max(norm(span), Math.abs(a - b) + 1e-6), a + b - 1e-6);
  const axis = unit(span);
  const along = (a * a - b * b + d * d) / (2 * d);
  const out = Math.sqrt(Math.max(0, a * a - along * along));
  const bend = unit(sub(hint, scale(axis, dot(hint, axis))));
  return add(add(root, scale(axis, along)), scale(bend, out));
}

/** Rotates a body-frame point about the vertical axis by `deg` (turning the person). */
export function yaw(point: Vec3, deg: number): Vec3 {
  const r = (deg * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  return vec(c * point.x + s * point.z, point.y, -s * point.x + c * point.z);
}

/** Left direction for a frame with the given forward and up. */
export const leftOf = (forward: Vec3, up: Vec3): Vec3 => unit(cross(up, forward));

/** Foot points from the ankle: toe and heel, the foot pitched `heelLiftDeg` about the toe. */
export function foot(
  ankle: Vec3,
  forward: Vec3,
  body: Proportions,
  heelLiftDeg = 0,
): { heel: Vec3; toe: Vec3 } {
  const along = tilt(forward, scale(UP, -1), heelLiftDeg);
  const down = scale(UP, -1);
  const toe = add(add(ankle, scale(along, body.footForwardM)), scale(down, body.ankleHeightM * 0.8));
  const heel = add(add(ankle, scale(along, -body.heelBackM)), scale(down, body.ankleHeightM * 0.7));
  return { heel, toe };
}
