import { add, dot, lerp, scale, sub, vec, type Vec3 } from "../../pose/index";
import { ease, kneeHint, legs, torsoArm, torsoFrame, upperBody } from "./pose-parts";
import type { PoseFunction, PoseInput } from "./pose-types";
import { FORWARD, UP, tilt, type Joints } from "./skeleton";

type LungeKind = "forward" | "reverse" | "split";

const FOOT_OFFSET_M = 0.09;

function lungePose(kind: LungeKind, input: PoseInput): { joints: Joints; labels: Record<string, boolean> } {
  const { body: b, faults, side } = input;
  const legM = b.thighM + b.shinM;
  const strideM = 0.52 * b.heightM;
  const stepEnd = kind === "split" ? 0 : 0.3;
  const step = kind === "split" ? 1 : ease(input.p / stepEnd);
  const descent = ease((input.p - stepEnd) / (1 - stepEnd));
  const frontZ = kind === "reverse" ? 0 : strideM * step;
  const backZ = kind === "reverse" ? -strideM * step : 0;
  const y = b.ankleHeightM;
  const lateral = (s: 1 | -1) => s * FOOT_OFFSET_M;
  const liftM = kind === "forward" ? 0.12 * Math.sin(Math.PI * step) * (step < 1 ? 1 : 0) : 0;
  const backLiftM = kind === "reverse" ? 0.12 * Math.sin(Math.PI * step) * (step < 1 ? 1 : 0) : 0;
  const front = vec(lateral(side), y + liftM, frontZ);
  const backHeelLiftDeg = 50 * step;
  const back = vec(lateral(side === 1 ? -1 : 1), y + 0.07 * step + backLiftM, backZ);

  const fullFront = vec(0, y, strideM);
  const fullBack = vec(0, y + 0.07, 0);
  const shinDeg = faults.has("knee_over_toe") ? 40 : 7;
  const frontKnee = add(fullFront, scale(tilt(UP, FORWARD, shinDeg), b.shinM));
  const bottomHip = add(frontKnee, scale(tilt(UP, scale(FORWARD, -1), 84), b.thighM));
  const topHip = vec(
    0,
    y + Math.sqrt(legM ** 2 - (0.45 * strideM) ** 2) * 0.995,
    fullBack.z + 0.55 * strideM,
  );
  const offset = kind === "reverse" ? -strideM : 0;
  const splitHip = (v: Vec3) => vec(0, v.y, v.z + offset);
  const standHip = vec(0, y + legM * 0.995, 0);
  const hipTop = lerp(standHip, splitHip(topHip), step);
  const pelvis = lerp(hipTop, splitHip(bottomHip), descent);

  const torso = input.style.standingLeanDeg + (faults.has("torso_lean") ? 32 : 4) * descent;
  const frame = torsoFrame(torso);
  const upper = upperBody(b, pelvis, frame, -torso * 0.5, {
    left: torsoArm(frame, 1, 5, 10, 5),
    right: torsoArm(frame, -1, 5, 10, 5),
  });
  const inward = faults.has("knee_valgus") ? 30 : -8;
  const frontHint = kneeHint(side, inward * descent);
  const backHint = tilt(FORWARD, scale(UP, -1), 40);
  const ankles = side === 1 ? { left: front, right: back } : { left: back, right: front };
  const hints = side === 1 ? { left: frontHint, right: backHint } : { left: backHint, right: frontHint };
  const lower = legs(b, { left: upper.leftHip, right: upper.rightHip }, ankles, hints, {
    leftForward: FORWARD,
    rightForward: FORWARD,
    leftHeelLiftDeg: side === 1 ? 0 : backHeelLiftDeg,
    rightHeelLiftDeg: side === 1 ? backHeelLiftDeg : 0,
  });
  const joints: Joints = { ...upper, ...lower };
  const knee = side === 1 ? joints.leftKnee : joints.rightKnee;
  const toe = side === 1 ? joints.leftToe : joints.rightToe;
  const split = (front.z - back.z) / legM >= 0.25;
  const pastToe = dot(sub(knee, toe), FORWARD) / legM > 0;
  return { joints, labels: { knee_over_toe: split && pastToe } };
}

export const forwardLunge: PoseFunction = (input) => lungePose("forward", input);
export const reverseLunge: PoseFunction = (input) => lungePose("reverse", input);
export const splitSquat: PoseFunction = (input) => lungePose("split", input);
