import { turnForWidth } from "./limb.ts";
import { DEG, has, type ExerciseModel, type JointAngles } from "./posture.ts";

// Thigh angle from vertical at the bottom of a full (depth 1) squat: just below parallel.
const FULL_THIGH_DEG = 95;
const SHALLOW_FACTOR = 0.45;
const STANCE_STRADDLE_DEG = 10;

/** Bodyweight squat, arms reaching forward for balance; feet planted a little wider than the hips. */
export const squat: ExerciseModel = {
  keyAngle: "kneeLeft",
  repDepth: (depth, faults) => depth * (has(faults, "shallow_depth") ? SHALLOW_FACTOR : 1),
  pose({ progress: p, depth, faults, segments }) {
    const thighDeg = p * FULL_THIGH_DEG * squat.repDepth(depth, faults);
    const shinDeg = 0.36 * thighDeg;
    const leanDeg = 0.42 * thighDeg + (has(faults, "forward_lean") ? 30 * p : 0);
    // Knees track out over the toes; with valgus they cave in while the feet stay put.
    const straddleDeg = STANCE_STRADDLE_DEG + 4 * p - (has(faults, "knee_valgus") ? 16 * p : 0);
    const legM = segments.thighM + segments.shankM;
    const footOutM = legM * Math.sin(STANCE_STRADDLE_DEG / DEG);
    const joints: JointAngles = { body: { bend: leanDeg }, head: { nod: -0.5 * leanDeg } };
    for (const [name, side] of [
      ["l", -1],
      ["r", 1],
    ] as const) {
      const leg = { raiseDeg: thighDeg + leanDeg, straddleDeg, bendDeg: thighDeg + shinDeg };
      const turnDeg = turnForWidth(leg, side, segments.thighM, segments.shankM, footOutM);
      joints[`${name}_leg`] = { raise: leg.raiseDeg, straddle: straddleDeg, turn: turnDeg };
      joints[`${name}_knee`] = { bend: leg.bendDeg };
      joints[`${name}_ankle`] = { bend: shinDeg, turn: 6 - turnDeg, tilt: 6 };
      joints[`${name}_arm`] = { raise: 10 + 85 * p + leanDeg * p, straddle: 8, turn: 0 };
      joints[`${name}_elbow`] = { bend: 15 };
    }
    return { joints, anchor: ["left_ankle", "right_ankle"], offset: [0, 0, 0] };
  },
};
