import { add, lerp, scale, sub, unit, vec, type Vec3 } from "../../pose/index";
import { ease } from "./pose-parts";
import type { PoseFunction, PoseInput } from "./pose-types";
import { FORWARD, LEFT, UP, foot, solveMiddle, tilt, type Joints, type Proportions } from "./skeleton";

const DOWN = scale(UP, -1);
const BACK = scale(FORWARD, -1);
const rad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * A body held in a line from the feet (at z = 0) to the shoulders at `shoulderY`, head toward +z,
 * bent at the hips by `bendDeg` (+ hips above the line) and the head dropped by `headDropDeg`.
 */
function proneLine(b: Proportions, shoulderY: number, bendDeg: number, headDropDeg: number) {
  const ankleY = 0.09;
  const a = b.shinM + b.thighM;
  const length = a + b.torsoM;
  const rise = Math.min(shoulderY - ankleY, length * 0.95);
  const ankle = vec(0, ankleY, 0);
  const shoulderMid = vec(0, shoulderY, Math.sqrt(length ** 2 - rise ** 2));
  const line = unit(sub(shoulderMid, ankle));
  const upOff = unit(sub(UP, scale(line, line.y)));
  const offset = ((a * b.torsoM) / length) * Math.tan(rad(bendDeg));
  const pelvis = add(lerp(ankle, shoulderMid, a / length), scale(upOff, offset));
  const knee = lerp(ankle, pelvis, b.shinM / a);
  const headDir = tilt(line, scale(upOff, -1), headDropDeg);
  const head = add(shoulderMid, scale(headDir, b.neckM));
  const halfHip = scale(LEFT, b.hipWidthM / 2);
  const halfShoulder = scale(LEFT, b.shoulderWidthM / 2);
  const toesDown = tilt(DOWN, FORWARD, 20);
  const lf = foot(add(ankle, halfHip), toesDown, b, 0);
  const rf = foot(sub(ankle, halfHip), toesDown, b, 0);
  return {
    shoulderMid,
    joints: {
      head,
      faceForward: tilt(DOWN, FORWARD, 15 - headDropDeg * 0.5),
      faceUp: headDir,
      leftShoulder: add(shoulderMid, halfShoulder),
      rightShoulder: sub(shoulderMid, halfShoulder),
      leftHip: add(pelvis, halfHip),
      rightHip: sub(pelvis, halfHip),
      leftKnee: add(knee, halfHip),
      rightKnee: sub(knee, halfHip),
      leftAnkle: add(ankle, halfHip),
      rightAnkle: sub(ankle, halfHip),
      leftHeel: lf.heel,
      rightHeel: rf.heel,
      leftToe: lf.toe,
      rightToe: rf.toe,
    },
  };
}

/** Truth labels for the body line, from the bend actually built. */
const lineLabels = (bendDeg: number) => ({ hips_high: bendDeg > 10, hips_sag: bendDeg < -10 });
/**
 * A plank's truth follows the bounds real app users' planks were labelled by (hips low past 2
 * degrees of sag, high past 12 of pike, measured to the toes), moved onto the ankle line the figure
 * bends at: about 7 below and 9 above.
 */
const plankLabels = (bendDeg: number) => ({ hips_high: bendDeg > 9, hips_sag: bendDeg < -7 });

export const pushUp: PoseFunction = (input: PoseInput) => {
  const { body: b, faults } = input;
  const e = ease(input.p);
  const bottomElbowDeg = input.partial ? 143 : faults.has("partial_range") ? 122 : 78;
  const elbowDeg = 172 - (172 - bottomElbowDeg) * e;
  const handOut = faults.has("elbow_flare") ? 0.1 : 0.04;
  const reach = Math.sqrt(
    b.upperArmM ** 2 + b.forearmM ** 2 - 2 * b.upperArmM * b.forearmM * Math.cos(rad(elbowDeg)),
  );
  const wristY = 0.04;
  const shoulderY = wristY + Math.sqrt(Math.max(0.01, reach ** 2 - handOut ** 2));
  const ramp = ease(input.p / 0.2);
  const bend =
    input.style.bodyLineDeg + (faults.has("hips_sag") ? -20 * ramp : faults.has("hips_pike") ? 22 * ramp : 0);
  const { shoulderMid, joints } = proneLine(b, shoulderY, bend, 5);
  const flareDeg = faults.has("elbow_flare") ? 82 : 40;
  const arm = (side: 1 | -1) => {
    const shoulder = side === 1 ? joints.leftShoulder : joints.rightShoulder;
    const wrist = vec(shoulder.x + side * handOut, wristY, shoulderMid.z);
    const hint = tilt(BACK, scale(LEFT, side), flareDeg);
    return { elbow: solveMiddle(shoulder, wrist, b.upperArmM, b.forearmM, hint), wrist };
  };
  const l = arm(1);
  const r = arm(-1);
  const full: Joints = {
    ...joints,
    leftElbow: l.elbow,
    rightElbow: r.elbow,
    leftWrist: l.wrist,
    rightWrist: r.wrist,
  };
  return { joints: full, labels: lineLabels(bend) };
};

/** Plank faults come in episodes over time rather than per rep; see `plankEpisodes`. */
export const plank: PoseFunction = (input: PoseInput) => {
  const { body: b, faults } = input;
  const level = ease(input.p);
  const bend =
    input.style.bodyLineDeg +
    (faults.has("hips_sag") ? -19 * level : faults.has("hips_high") ? 21 * level : 0);
  const headDrop = faults.has("head_drop") ? 42 * level : 3;
  const elbowY = 0.03;
  const { shoulderMid, joints } = proneLine(b, elbowY + b.upperArmM, bend, headDrop);
  const forearm = (side: 1 | -1) => {
    const elbow = vec(side * (b.shoulderWidthM / 2), elbowY, shoulderMid.z);
    return { elbow, wrist: add(elbow, scale(FORWARD, b.forearmM)) };
  };
  const l = forearm(1);
  const r = forearm(-1);
  const full: Joints = {
    ...joints,
    leftElbow: l.elbow,
    rightElbow: r.elbow,
    leftWrist: l.wrist,
    rightWrist: r.wrist,
  };
  return { joints: full, labels: plankLabels(bend) };
};

export const gluteBridge: PoseFunction = (input: PoseInput) => {
  const b = input.body;
  const e = ease(input.p);
  const shoulderY = 0.07;
  const reach = b.torsoM + b.thighM;
  const topDeg = (Math.asin((b.shinM + b.ankleHeightM - shoulderY) / reach) * 180) / Math.PI;
  const bottomDeg = (Math.asin(0.035 / b.torsoM) * 180) / Math.PI;
  const share = input.partial ? 0.25 : input.faults.has("partial_range") ? 0.55 : 1;
  const liftDeg = bottomDeg + (topDeg - bottomDeg) * share * e;
  const shoulderMid = vec(0, shoulderY, 0);
  const pelvis = add(shoulderMid, scale(tilt(FORWARD, UP, liftDeg), b.torsoM));
  const ankleMid = vec(0, b.ankleHeightM, reach * Math.cos(rad(topDeg)));
  const halfHip = scale(LEFT, b.hipWidthM / 2);
  const halfShoulder = scale(LEFT, b.shoulderWidthM / 2);
  const lh = add(pelvis, halfHip);
  const rh = sub(pelvis, halfHip);
  const la = add(ankleMid, halfHip);
  const ra = sub(ankleMid, halfHip);
  const ls = add(shoulderMid, halfShoulder);
  const rs = sub(shoulderMid, halfShoulder);
  const lf = foot(la, FORWARD, b, 0);
  const rf = foot(ra, FORWARD, b, 0);
  const along = (s: Vec3, k: number) => add(s, scale(FORWARD, k));
  const joints: Joints = {
    head: add(shoulderMid, scale(BACK, b.neckM)),
    faceForward: UP,
    faceUp: BACK,
    leftShoulder: ls,
    rightShoulder: rs,
    leftElbow: along(ls, b.upperArmM),
    rightElbow: along(rs, b.upperArmM),
    leftWrist: along(ls, b.upperArmM + b.forearmM),
    rightWrist: along(rs, b.upperArmM + b.forearmM),
    leftHip: lh,
    rightHip: rh,
    leftKnee: solveMiddle(lh, la, b.thighM, b.shinM, UP),
    rightKnee: solveMiddle(rh, ra, b.thighM, b.shinM, UP),
    leftAnkle: la,
    rightAnkle: ra,
    leftHeel: lf.heel,
    rightHeel: rf.heel,
    leftToe: lf.toe,
    rightToe: rf.toe,
  };
  return { joints, labels: {} };
};
