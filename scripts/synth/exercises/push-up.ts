import {
  DEG,
  has,
  twoLink,
  type ExerciseModel,
  type JointAngles,
  type PoseInput,
  type Posture,
} from "./posture.ts";

// Heights above the floor of the ankle pivot (on the toes) and of the wrist pivot (palm flat).
const ANKLE_ON_TOES_M = 0.09;
const WRIST_M = 0.05;
// Shoulder pivot height at the bottom of a full rep: chest just off the floor, elbows near 90°.
const BOTTOM_SHOULDER_M = 0.3;
// Hands a little ahead of the shoulders at the top, so they end up under them at the bottom.
const HAND_LEAD_M = 0.06;
const PARTIAL_FACTOR = 0.45;

/**
 * A straight-arm push-up or plank in the sagittal plane: toes and hands planted, the body a straight
 * line from ankle to shoulder (bent at the hip by `sagDeg`), arms solved to reach the fixed hands.
 */
export function plankPosture(input: PoseInput, lowerFraction: number, sagDeg: number): Posture {
  const { segments } = input;
  const legM = segments.thighM + segments.shankM;
  const bodyM = legM + segments.torsoM;
  const armM = segments.upperArmM + segments.forearmM;
  const armDropM = Math.sqrt((0.985 * armM) ** 2 - HAND_LEAD_M ** 2);
  const topDeg = Math.asin((WRIST_M + armDropM - ANKLE_ON_TOES_M) / bodyM) * DEG;
  const bottomDeg = Math.asin((BOTTOM_SHOULDER_M - ANKLE_ON_TOES_M) / bodyM) * DEG;
  const handForwardM = bodyM * Math.cos(topDeg / DEG) + HAND_LEAD_M;
  const bodyDeg = topDeg - lowerFraction * (topDeg - bottomDeg);
  // Sagging hips: legs flatter and torso steeper, keeping the shoulders about where they were.
  const legDeg = bodyDeg - (sagDeg * segments.torsoM) / bodyM;
  const torsoDeg = legDeg + sagDeg;
  const hip = [legM * Math.cos(legDeg / DEG), ANKLE_ON_TOES_M + legM * Math.sin(legDeg / DEG)] as const;
  const shoulder = [
    hip[0] + segments.torsoM * Math.cos(torsoDeg / DEG),
    hip[1] + segments.torsoM * Math.sin(torsoDeg / DEG),
  ] as const;
  const arm = twoLink(
    { forwardM: handForwardM - shoulder[0], downM: shoulder[1] - WRIST_M },
    segments.upperArmM,
    segments.forearmM,
    false,
  );
  // Body pitch from vertical; the arm's raise is measured from the torso's own down and front axes.
  const pitchDeg = 90 - torsoDeg;
  const pitch = pitchDeg / DEG;
  const armDir = [Math.sin(arm.firstFromDownDeg / DEG), -Math.cos(arm.firstFromDownDeg / DEG)] as const;
  const torsoDown = [-Math.sin(pitch), -Math.cos(pitch)] as const;
  const torsoFront = [Math.cos(pitch), -Math.sin(pitch)] as const;
  const raiseDeg =
    Math.atan2(
      armDir[0] * torsoFront[0] + armDir[1] * torsoFront[1],
      armDir[0] * torsoDown[0] + armDir[1] * torsoDown[1],
    ) * DEG;
  const joints: JointAngles = { body: { bend: pitchDeg }, head: { nod: -25 } };
  for (const side of ["l", "r"]) {
    joints[`${side}_leg`] = { raise: -sagDeg, straddle: 3, turn: 0 };
    joints[`${side}_ankle`] = { bend: -20, turn: 0, tilt: 0 };
    joints[`${side}_arm`] = { raise: raiseDeg, straddle: 10, turn: 0 };
    joints[`${side}_elbow`] = { bend: arm.bendDeg };
    joints[`${side}_wrist`] = { bend: -70, turn: 0, tilt: 0 };
  }
  return { joints, anchor: ["left_wrist", "right_wrist"], offset: [0, 0, handForwardM / 2] };
}

export const pushUp: ExerciseModel = {
  keyAngle: "elbowLeft",
  repDepth: (depth, faults) => depth * (has(faults, "partial_range") ? PARTIAL_FACTOR : 1),
  pose(input) {
    const lower = input.progress * pushUp.repDepth(input.depth, input.faults);
    const sagDeg = has(input.faults, "hips_sag") ? 8 + 10 * input.progress : 0;
    return plankPosture(input, Math.min(1, lower), sagDeg);
  },
};

/** A held high plank; a rep window with `hips_sag` lets the hips sink and recover. */
export const plank: ExerciseModel = {
  keyAngle: "elbowLeft",
  repDepth: (depth) => depth,
  pose(input) {
    const sagDeg = has(input.faults, "hips_sag") ? 18 * input.progress : 0;
    return plankPosture(input, 0, sagDeg);
  },
};
