import type { Exercise, LandmarkName, SynthParams, TruthAngles, Vec3, View } from "./types.ts";

export interface CameraSpec {
  position: Vec3;
  target: Vec3;
  fovDeg: number;
}

/** Azimuth of the camera around the figure, which faces +z with its left side towards +x. */
const VIEW_AZIMUTH_DEG: Record<View, number> = { front: 0, "45": 45, side: 90 };
const FOV_DEG = 40;
const LYING: readonly Exercise[] = ["push_up", "plank"];

/** Places the camera so the whole figure is in frame with a margin, unless params say otherwise. */
export function cameraFor(
  params: Pick<SynthParams, "exercise" | "view" | "distanceM" | "cameraHeightM" | "figure">,
): CameraSpec {
  const heightM = params.figure.heightM;
  const lying = LYING.includes(params.exercise);
  const distanceM = params.distanceM || (lying ? 1.55 : 1.95) * heightM;
  const eyeM = params.cameraHeightM || (lying ? 0.45 : 0.55) * heightM;
  const targetY = (lying ? 0.2 : 0.5) * heightM;
  const azimuth = (VIEW_AZIMUTH_DEG[params.view] * Math.PI) / 180;
  return {
    position: [distanceM * Math.sin(azimuth), eyeM, distanceM * Math.cos(azimuth)],
    target: [0, targetY, 0],
    fovDeg: FOV_DEG,
  };
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const unit = (a: Vec3): Vec3 => {
  const length = Math.hypot(a[0], a[1], a[2]);
  return [a[0] / length, a[1] / length, a[2] / length];
};
const mid = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];

/**
 * Pinhole projection matching three.js's PerspectiveCamera after lookAt with y up:
 * returns normalised image coordinates (origin top-left) and depth along the view axis.
 */
export function projectPoint(
  point: Vec3,
  camera: CameraSpec,
  width: number,
  height: number,
): { x: number; y: number; depthM: number } {
  const forward = unit(sub(camera.target, camera.position));
  const right = unit(cross(forward, [0, 1, 0]));
  const up = cross(right, forward);
  const rel = sub(point, camera.position);
  const depthM = dot(rel, forward);
  const tanHalf = Math.tan((camera.fovDeg * Math.PI) / 360);
  const ndcX = dot(rel, right) / (depthM * tanHalf * (width / height));
  const ndcY = dot(rel, up) / (depthM * tanHalf);
  return { x: (ndcX + 1) / 2, y: (1 - ndcY) / 2, depthM };
}

/** Angle at `b` between `a` and `c`, in degrees (180 = straight). */
export function angleAtDeg(a: Vec3, b: Vec3, c: Vec3): number {
  const u = unit(sub(a, b));
  const v = unit(sub(c, b));
  return (Math.acos(Math.min(1, Math.max(-1, dot(u, v)))) * 180) / Math.PI;
}

/** Joint angles from world positions, named by landmark. */
export function jointAngles(world: Record<LandmarkName, Vec3>): TruthAngles {
  const w = world;
  const shoulderMid = mid(w.left_shoulder, w.right_shoulder);
  const hipMid = mid(w.left_hip, w.right_hip);
  const torso = unit(sub(shoulderMid, hipMid));
  return {
    leftKneeDeg: angleAtDeg(w.left_hip, w.left_knee, w.left_ankle),
    rightKneeDeg: angleAtDeg(w.right_hip, w.right_knee, w.right_ankle),
    leftHipDeg: angleAtDeg(w.left_shoulder, w.left_hip, w.left_knee),
    rightHipDeg: angleAtDeg(w.right_shoulder, w.right_hip, w.right_knee),
    leftElbowDeg: angleAtDeg(w.left_shoulder, w.left_elbow, w.left_wrist),
    rightElbowDeg: angleAtDeg(w.right_shoulder, w.right_elbow, w.right_wrist),
    leftShoulderDeg: angleAtDeg(w.left_elbow, w.left_shoulder, w.left_hip),
    rightShoulderDeg: angleAtDeg(w.right_elbow, w.right_shoulder, w.right_hip),
    torsoLeanDeg: (Math.acos(Math.min(1, Math.max(-1, torso[1]))) * 180) / Math.PI,
  };
}
