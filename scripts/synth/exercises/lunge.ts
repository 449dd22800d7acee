import { has, twoLink, type ExerciseModel, type JointAngles } from "./posture.ts";

// The back heel comes up as the back knee drops; the ankle rides this much higher than standing.
const BACK_HEEL_LIFT_M = 0.07;

/** Stationary split squat (forward lunge held in place): left foot forward, right foot back. */
export const lunge: ExerciseModel = {
  keyAngle: "kneeLeft",
  repDepth: (depth) => depth,
  pose({ progress: p, depth, faults, segments }) {
    const legM = segments.thighM + segments.shankM;
    // Knee over toe: the hips drift forward over the front foot instead of dropping straight down.
    const driftM = has(faults, "knee_over_toe") ? 0.16 * p : 0;
    const frontM = segments.thighM * 0.95 - driftM;
    const backM = 0.55 * legM + driftM;
    const topDownM = Math.sqrt(legM * legM - Math.max(frontM, backM) ** 2) * 0.985;
    const bottomDownM = segments.shankM * 1.02;
    const downM = topDownM - p * depth * (topDownM - bottomDownM);
    const leanDeg = 4 * p + (has(faults, "torso_lean") ? 28 * p : 0);
    const front = twoLink({ forwardM: frontM, downM }, segments.thighM, segments.shankM);
    const back = twoLink(
      { forwardM: -backM, downM: downM - BACK_HEEL_LIFT_M * p },
      segments.thighM,
      segments.shankM,
    );
    const frontShinDeg = front.bendDeg - front.firstFromDownDeg;
    const backShinDeg = back.bendDeg - back.firstFromDownDeg;
    const joints: JointAngles = {
      body: { bend: leanDeg },
      head: { nod: -0.6 * leanDeg },
      l_leg: { raise: front.firstFromDownDeg + leanDeg, straddle: 5, turn: 0 },
      l_knee: { bend: front.bendDeg },
      l_ankle: { bend: frontShinDeg, turn: 0, tilt: 0 },
      r_leg: { raise: back.firstFromDownDeg + leanDeg, straddle: 5, turn: 0 },
      r_knee: { bend: back.bendDeg },
      r_ankle: { bend: backShinDeg - 35 * p - 10, turn: 0, tilt: 0 },
    };
    for (const side of ["l", "r"]) {
      joints[`${side}_arm`] = { raise: leanDeg + 5, straddle: 12, turn: 0 };
      joints[`${side}_elbow`] = { bend: 20 };
    }
    return { joints, anchor: ["left_ankle", "right_ankle"], offset: [0, 0, 0] };
  },
};
