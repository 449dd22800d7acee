import { add, scale, sub, unit, type Vec3 } from "../../pose/index";
import { FORWARD, LEFT, UP, foot, solveMiddle, tilt, type Joints, type Proportions } from "./skeleton";

/** Directions of one arm's bones, world frame. */
export interface ArmPose {
  upper: Vec3;
  fore: Vec3;
}

/** The torso's own frame: up along the spine, forward out of the chest. */
export interface TorsoFrame {
  up: Vec3;
  forward: Vec3;
}

/** Torso frame pitched forward by `pitchDeg` (negative leans back). */
export function torsoFrame(pitchDeg: number): TorsoFrame {
  return { up: tilt(UP, FORWARD, pitchDeg), forward: tilt(FORWARD, scale(UP, -1), pitchDeg) };
}

/**
 * An arm in the torso frame: raised forward by `flexDeg`, out to the side by `abductDeg`, elbow
 * bent forward by `elbowFlexDeg`.
 */
export function torsoArm(
  frame: TorsoFrame,
  side: 1 | -1,
  flexDeg: number,
  abductDeg: number,
  elbowFlexDeg: number,
): ArmPose {
  const down = scale(frame.up, -1);
  const out = scale(LEFT, side);
  const raised = tilt(down, frame.forward, flexDeg);
  const upper = tilt(raised, out, abductDeg);
  const bendToward = tilt(frame.forward, frame.up, flexDeg);
  return { upper, fore: unit(tilt(upper, bendToward, elbowFlexDeg)) };
}

type UpperJoints = Pick<
  Joints,
  | "head"
  | "faceForward"
  | "faceUp"
  | "leftShoulder"
  | "rightShoulder"
  | "leftElbow"
  | "rightElbow"
  | "leftWrist"
  | "rightWrist"
  | "leftHip"
  | "rightHip"
>;

/** Pelvis, spine, head and arms from the pelvis centre up. */
export function upperBody(
  b: Proportions,
  pelvis: Vec3,
  frame: TorsoFrame,
  neckFlexDeg: number,
  arms: { left: ArmPose; right: ArmPose },
): UpperJoints {
  const shoulderMid = add(pelvis, scale(frame.up, b.torsoM));
  const halfShoulder = scale(LEFT, b.shoulderWidthM / 2);
  const halfHip = scale(LEFT, b.hipWidthM / 2);
  const leftShoulder = add(shoulderMid, halfShoulder);
  const rightShoulder = sub(shoulderMid, halfShoulder);
  const headDir = tilt(frame.up, frame.forward, neckFlexDeg);
  const leftElbow = add(leftShoulder, scale(arms.left.upper, b.upperArmM));
  const rightElbow = add(rightShoulder, scale(arms.right.upper, b.upperArmM));
  return {
    head: add(shoulderMid, scale(headDir, b.neckM)),
    faceForward: tilt(frame.forward, scale(frame.up, -1), neckFlexDeg),
    faceUp: headDir,
    leftShoulder,
    rightShoulder,
    leftElbow,
    rightElbow,
    leftWrist: add(leftElbow, scale(arms.left.fore, b.forearmM)),
    rightWrist: add(rightElbow, scale(arms.right.fore, b.forearmM)),
    leftHip: add(pelvis, halfHip),
    rightHip: sub(pelvis, halfHip),
  };
}

/** Legs from hips to planted ankles; knees bend toward `hint` per side. */
export function legs(
  b: Proportions,
  hips: { left: Vec3; right: Vec3 },
  ankles: { left: Vec3; right: Vec3 },
  hints: { left: Vec3; right: Vec3 },
  feet: { leftForward: Vec3; rightForward: Vec3; leftHeelLiftDeg: number; rightHeelLiftDeg: number },
): Pick<
  Joints,
  "leftKnee" | "rightKnee" | "leftAnkle" | "rightAnkle" | "leftHeel" | "rightHeel" | "leftToe" | "rightToe"
> {
  const lf = foot(ankles.left, feet.leftForward, b, feet.leftHeelLiftDeg);
  const rf = foot(ankles.right, feet.rightForward, b, feet.rightHeelLiftDeg);
  return {
    leftKnee: solveMiddle(hips.left, ankles.left, b.thighM, b.shinM, hints.left),
    rightKnee: solveMiddle(hips.right, ankles.right, b.thighM, b.shinM, hints.right),
    leftAnkle: ankles.left,
    rightAnkle: ankles.right,
    leftHeel: lf.heel,
    rightHeel: rf.heel,
    leftToe: lf.toe,
    rightToe: rf.toe,
  };
}

/** Knee bend direction: forward, turned toward the midline by `inwardDeg` (negative: outward). */
export function kneeHint(side: 1 | -1, inwardDeg: number): Vec3 {
  return tilt(FORWARD, scale(LEFT, -side), inwardDeg);
}

/** Smooth 0..1 ramp. */
export const ease = (t: number): number => {
  const c = Math.min(1, Math.max(0, t));
  return c * c * (3 - 2 * c);
};
