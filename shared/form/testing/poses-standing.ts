import { add, jointAngleDeg, scale, vec } from "../../pose/index";
import { ease, kneeHint, legs, torsoArm, torsoFrame, upperBody } from "./pose-parts";
import type { PoseFunction, PoseInput } from "./pose-types";
import { FORWARD, UP, tilt, type Joints, type Proportions } from "./skeleton";

const planted = (b: Proportions, stanceM: number, liftM = 0) => ({
  left: vec(stanceM / 2, b.ankleHeightM + liftM, 0),
  right: vec(-stanceM / 2, b.ankleHeightM + liftM, 0),
});

const flatFeet = (heelLiftDeg = 0) => ({
  leftForward: FORWARD,
  rightForward: FORWARD,
  leftHeelLiftDeg: heelLiftDeg,
  rightHeelLiftDeg: heelLiftDeg,
});

/** Hip centre above ankles for given shin lean and thigh angle (both from vertical). */
function hipFromAnkle(b: Proportions, ankle: { y: number; z: number }, shinDeg: number, thighDeg: number) {
  const knee = add(vec(0, ankle.y, ankle.z), scale(tilt(UP, FORWARD, shinDeg), b.shinM));
  return add(knee, scale(tilt(UP, scale(FORWARD, -1), thighDeg), b.thighM));
}

function standing(
  input: PoseInput,
  shinDeg: number,
  thighDeg: number,
  torsoPitchDeg: number,
  arms: (frame: ReturnType<typeof torsoFrame>) => {
    left: ReturnType<typeof torsoArm>;
    right: ReturnType<typeof torsoArm>;
  },
  neckFlexDeg = 0,
): Joints {
  const b = input.body;
  const ankles = planted(b, input.style.stanceM);
  const pelvis = hipFromAnkle(b, ankles.left, shinDeg, thighDeg);
  const frame = torsoFrame(torsoPitchDeg);
  const upper = upperBody(b, vec(0, pelvis.y, pelvis.z), frame, neckFlexDeg, arms(frame));
  const lower = legs(
    b,
    { left: upper.leftHip, right: upper.rightHip },
    ankles,
    { left: kneeHint(1, -10), right: kneeHint(-1, -10) },
    flatFeet(),
  );
  return { ...upper, ...lower };
}

const meanKneeDeg = (j: Joints): number =>
  (jointAngleDeg(j.leftHip, j.leftKnee, j.leftAnkle) + jointAngleDeg(j.rightHip, j.rightKnee, j.rightAnkle)) /
  2;

/** Share of the way from standing to a 90 degree knee below which a squatter still stands tall. */
const STANDING_SHARE = 0.16;

export const squat: PoseFunction = (input) => {
  const joints = squatJoints(input, input.p);
  const standKnee = meanKneeDeg(squatJoints(input, 0));
  const share = (standKnee - meanKneeDeg(joints)) / (standKnee - 90);
  return { joints, labels: { standing: share < STANDING_SHARE } };
};

function squatJoints(input: PoseInput, p: number): Joints {
  const { body: b, style, faults } = input;
  const e = ease(p);
  const depth = input.partial ? 0.22 : faults.has("shallow_depth") ? 0.45 : 1;
  const shinDeg = style.squatShinDeg * e * Math.max(depth, 0.35);
  const thighDeg = style.squatThighDeg * e * depth;
  const torso = shinDeg + (style.squatTorsoExtraDeg + (faults.has("forward_lean") ? 28 : 0)) * e;
  const heelLiftDeg = faults.has("heels_rise") ? 22 * e : 0;
  const lift = b.footForwardM * Math.sin((heelLiftDeg * Math.PI) / 180);
  const ankles = planted(b, style.stanceM, lift);
  const centre = hipFromAnkle(b, ankles.left, shinDeg, thighDeg);
  const shift = faults.has("asymmetry") ? e : 0;
  const pelvis = vec(0.09 * shift, centre.y, centre.z);
  const frame = torsoFrame(torso);
  const arms = { left: torsoArm(frame, 1, 75 * e, 0, 10), right: torsoArm(frame, -1, 75 * e, 0, 10) };
  const upper = upperBody(b, pelvis, frame, -torso * 0.4, arms);
  const drop = scale(UP, -0.09 * shift);
  const hips = { left: upper.leftHip, right: add(upper.rightHip, drop) };
  const inward = faults.has("knee_valgus") ? 26 : -12;
  const lower = legs(
    b,
    hips,
    ankles,
    { left: kneeHint(1, inward), right: kneeHint(-1, inward) },
    flatFeet(heelLiftDeg),
  );
  return { ...upper, ...lower, rightHip: hips.right };
}

export const hipHinge: PoseFunction = (input) => {
  const { faults } = input;
  const e = ease(input.p);
  const kneeE = faults.has("hips_rise_early") && input.returning ? ease((input.p - 0.65) / 0.35) : e;
  const torso = input.style.standingLeanDeg + 75 * e;
  const neck = -0.15 * torso + (faults.has("rounded_back") ? 42 * e : 0);
  const joints = standing(
    input,
    8 * kneeE,
    22 * kneeE,
    torso,
    (frame) => ({
      left: torsoArm(frame, 1, torso * 0.95, 0, 0),
      right: torsoArm(frame, -1, torso * 0.95, 0, 0),
    }),
    neck,
  );
  return { joints, labels: {} };
};

export const bicepCurl: PoseFunction = (input) => {
  const { faults, style } = input;
  const e = ease(input.p);
  const leanBackDeg = faults.has("lean_back") ? 22 * e : 0;
  const flex = faults.has("elbow_drift") ? 42 * e : 2;
  const elbowFlex = 10 + (input.partial ? 36 : faults.has("partial_range") ? 68 : 128) * e;
  const joints = standing(input, 3, 3, style.standingLeanDeg - leanBackDeg, (frame) => ({
    left: torsoArm(frame, 1, flex, 8, elbowFlex),
    right: torsoArm(frame, -1, flex, 8, elbowFlex),
  }));
  return { joints, labels: { lean_back: leanBackDeg > 9.5 } };
};

export const overheadPress: PoseFunction = (input) => {
  const { faults, style } = input;
  const e = ease(input.p);
  const abduct = 78 + (input.partial ? 35 : faults.has("incomplete_lockout") ? 60 : 97) * e;
  const torso = style.standingLeanDeg - (faults.has("lumbar_extension") ? 20 * e : 0);
  const joints = standing(input, 2, 2, torso, (frame) => ({
    left: { upper: torsoArm(frame, 1, 12 * (1 - e), abduct, 0).upper, fore: frame.up },
    right: { upper: torsoArm(frame, -1, 12 * (1 - e), abduct, 0).upper, fore: frame.up },
  }));
  return { joints, labels: {} };
};

export const jumpingJack: PoseFunction = (input) => {
  const b = input.body;
  const e = ease(input.p);
  const armDeg = 12 + (input.partial ? 43 : input.faults.has("partial_range") ? 88 : 150) * e;
  const legDeg = 3 + 9 * e;
  const legM = b.thighM + b.shinM;
  const halfSpread = b.hipWidthM / 2 + legM * Math.sin((legDeg * Math.PI) / 180);
  const ankles = { left: vec(halfSpread, b.ankleHeightM, 0), right: vec(-halfSpread, b.ankleHeightM, 0) };
  const pelvisY = b.ankleHeightM + legM * Math.cos((legDeg * Math.PI) / 180) * 0.99;
  const frame = torsoFrame(input.style.standingLeanDeg);
  const upper = upperBody(b, vec(0, pelvisY, 0), frame, 0, {
    left: torsoArm(frame, 1, 0, armDeg, 12),
    right: torsoArm(frame, -1, 0, armDeg, 12),
  });
  const lower = legs(
    b,
    { left: upper.leftHip, right: upper.rightHip },
    ankles,
    { left: kneeHint(1, 0), right: kneeHint(-1, 0) },
    flatFeet(),
  );
  return { joints: { ...upper, ...lower }, labels: {} };
};
