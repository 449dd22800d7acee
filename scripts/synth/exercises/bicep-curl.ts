import { has, type ExerciseModel, type JointAngles } from "./posture.ts";

const FULL_CURL_DEG = 135;
const PARTIAL_FACTOR = 0.5;
const REST_ELBOW_DEG = 10;

/** Standing two-arm curl; with `lean_back` the torso swings back while the legs stay upright. */
export const bicepCurl: ExerciseModel = {
  keyAngle: "elbowLeft",
  repDepth: (depth, faults) => depth * (has(faults, "partial_range") ? PARTIAL_FACTOR : 1),
  pose({ progress: p, depth, faults }) {
    const elbowDeg =
      REST_ELBOW_DEG + p * (FULL_CURL_DEG - REST_ELBOW_DEG) * bicepCurl.repDepth(depth, faults);
    // Leaning back: the body pitches back and the hips extend by the same amount, so legs stay vertical.
    const leanBackDeg = has(faults, "lean_back") ? 16 * p : 0;
    const joints: JointAngles = {
      body: { bend: -leanBackDeg },
      torso: { bend: -0.4 * leanBackDeg },
      head: { nod: 0.5 * leanBackDeg },
    };
    for (const side of ["l", "r"]) {
      joints[`${side}_leg`] = { raise: -leanBackDeg, straddle: 8, turn: 8 };
      joints[`${side}_ankle`] = { bend: 0, turn: 0, tilt: 6 };
      joints[`${side}_arm`] = { raise: 4 - 1.4 * leanBackDeg, straddle: 14, turn: 0 };
      joints[`${side}_elbow`] = { bend: elbowDeg };
      joints[`${side}_wrist`] = { bend: 0, turn: 0, tilt: 0 };
    }
    return { joints, anchor: ["left_ankle", "right_ankle"], offset: [0, 0, 0] };
  },
};
