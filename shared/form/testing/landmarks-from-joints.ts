import { LANDMARK_COUNT, LM, add, scale, sub, unit, type Vec3 } from "../../pose/index";
import { leftOf, type Joints, type Proportions } from "./skeleton";

/** The 33 BlazePose landmark positions implied by the joints (face and hands filled in). */
export function landmarkPoints(j: Joints, b: Proportions): Vec3[] {
  const k = b.heightM / 1.75;
  const f = j.faceForward;
  const u = j.faceUp;
  const l = leftOf(f, u);
  const face = (fwd: number, up: number, left: number): Vec3 =>
    add(j.head, add(scale(f, fwd * k), add(scale(u, up * k), scale(l, left * k))));
  const points: Vec3[] = new Array<Vec3>(LANDMARK_COUNT);
  points[LM.nose] = face(0.1, 0, 0);
  points[LM.leftEyeInner] = face(0.085, 0.035, 0.015);
  points[LM.leftEye] = face(0.085, 0.035, 0.032);
  points[LM.leftEyeOuter] = face(0.08, 0.035, 0.048);
  points[LM.rightEyeInner] = face(0.085, 0.035, -0.015);
  points[LM.rightEye] = face(0.085, 0.035, -0.032);
  points[LM.rightEyeOuter] = face(0.08, 0.035, -0.048);
  points[LM.leftEar] = face(0, 0.02, 0.075);
  points[LM.rightEar] = face(0, 0.02, -0.075);
  points[LM.mouthLeft] = face(0.09, -0.04, 0.025);
  points[LM.mouthRight] = face(0.09, -0.04, -0.025);
  const hand = (elbow: Vec3, wrist: Vec3, side: 1 | -1, base: number): void => {
    const along = unit(sub(wrist, elbow));
    const across = scale(l, side * 0.025 * k);
    points[base] = add(add(wrist, scale(along, 0.07 * k)), across);
    points[base + 2] = add(add(wrist, scale(along, 0.085 * k)), scale(across, -0.4));
    points[base + 4] = add(add(wrist, scale(along, 0.04 * k)), scale(across, -1.2));
  };
  points[LM.leftShoulder] = j.leftShoulder;
  points[LM.rightShoulder] = j.rightShoulder;
  points[LM.leftElbow] = j.leftElbow;
  points[LM.rightElbow] = j.rightElbow;
  points[LM.leftWrist] = j.leftWrist;
  points[LM.rightWrist] = j.rightWrist;
  hand(j.leftElbow, j.leftWrist, 1, LM.leftPinky);
  hand(j.rightElbow, j.rightWrist, -1, LM.rightPinky);
  points[LM.leftHip] = j.leftHip;
  points[LM.rightHip] = j.rightHip;
  points[LM.leftKnee] = j.leftKnee;
  points[LM.rightKnee] = j.rightKnee;
  points[LM.leftAnkle] = j.leftAnkle;
  points[LM.rightAnkle] = j.rightAnkle;
  points[LM.leftHeel] = j.leftHeel;
  points[LM.rightHeel] = j.rightHeel;
  points[LM.leftFootIndex] = j.leftToe;
  points[LM.rightFootIndex] = j.rightToe;
  return points;
}

const SIDE_OF: readonly ("left" | "right" | "mid")[] = Array.from({ length: LANDMARK_COUNT }, (_, i) => {
  const name = Object.entries(LM).find(([, index]) => index === i)?.[0] ?? "";
  if (name.startsWith("left") || name === "mouthLeft") return "left";
  if (name.startsWith("right") || name === "mouthRight") return "right";
  return "mid";
});

/** Whether landmark `i` belongs to the person's left side, right side or the midline. */
export function sideOf(i: number): "left" | "right" | "mid" {
  return SIDE_OF[i] ?? "mid";
}
