import {
  LANDMARK_COUNT,
  cross,
  dot,
  mid,
  sub,
  swapSides,
  unit,
  vec,
  type Landmark,
  type Vec3,
} from "../../pose/index";
import type { Random } from "./random";
import { sideOf } from "./landmarks-from-joints";
import { UP } from "./skeleton";

/** Where the camera stands relative to the person (who faces +z in the body frame). */
export interface CameraSetup {
  /** 0: in front of the person; 90: on their left; -90: on their right. */
  yawDeg: number;
  distanceM: number;
  heightM: number;
  /** Point the camera looks at, body frame. */
  target: Vec3;
  /** Frame width / height. */
  aspect: number;
  verticalFovDeg: number;
  /** Selfie view: the image is flipped left-right (and the model then labels sides swapped). */
  mirrored: boolean;
}

/** How much the landmark model errs. `level` 1 is typical MediaPipe on a clear webcam. */
export interface NoiseSetup {
  level: number;
  /** Chance per landmark per frame of a wild, low-visibility point. */
  dropoutRate: number;
}

const IMAGE_SIGMA = 0.0035;
const WORLD_SIGMA_M = 0.012;
const WORLD_DEPTH_SIGMA_M = 0.025;
const WOBBLE_TIME_CONSTANT_MS = 250;

/** Projects body-frame points to MediaPipe-style image and world landmarks, with model noise. */
export class SyntheticCamera {
  private readonly position: Vec3;
  private readonly right: Vec3;
  private readonly up: Vec3;
  private readonly forward: Vec3;
  private readonly focal: number;
  private readonly wobble: number[] = new Array<number>(LANDMARK_COUNT * 6).fill(0);
  private lastMs: number | null = null;
  /** How much the person's left side faces the camera (-1..1). */
  private readonly leftFacing: number;

  constructor(
    private readonly setup: CameraSetup,
    private readonly noise: NoiseSetup,
    private readonly rng: Random,
  ) {
    const r = (setup.yawDeg * Math.PI) / 180;
    this.position = vec(
      setup.target.x + Math.sin(r) * setup.distanceM,
      setup.heightM,
      setup.target.z + Math.cos(r) * setup.distanceM,
    );
    this.forward = unit(sub(setup.target, this.position));
    this.right = unit(cross(this.forward, UP));
    this.up = cross(this.right, this.forward);
    this.focal = 0.5 / Math.tan((setup.verticalFovDeg * Math.PI) / 360);
    this.leftFacing = Math.sin(r);
  }

  /** Landmarks for one frame of body-frame points. */
  capture(points: readonly Vec3[], tMs: number): { landmarks: Landmark[]; worldLandmarks: Landmark[] } {
    const dtMs = this.lastMs === null ? 1000 : tMs - this.lastMs;
    this.lastMs = tMs;
    const keep = Math.exp(-dtMs / WOBBLE_TIME_CONSTANT_MS);
    for (let i = 0; i < this.wobble.length; i++) {
      this.wobble[i] = keep * (this.wobble[i] as number) + Math.sqrt(1 - keep * keep) * this.rng.gaussian();
    }
    const cam = points.map((p) => {
      const d = sub(p, this.position);
      return vec(dot(d, this.right), dot(d, this.up), dot(d, this.forward));
    });
    const hip = mid(cam[23] as Vec3, cam[24] as Vec3);
    const { aspect, mirrored } = this.setup;
    const n = this.noise.level;
    let landmarks: Landmark[] = [];
    let worldLandmarks: Landmark[] = [];
    cam.forEach((c, i) => {
      const side = sideOf(i);
      const facingAway = side === "left" ? -this.leftFacing : side === "right" ? this.leftFacing : 0;
      const far = facingAway > 0.8;
      const k = far ? 1.8 : facingAway > 0.5 ? 1.3 : 1;
      const dropout = this.rng.next() < this.noise.dropoutRate;
      const wild = dropout ? 0.06 : 0;
      const visibility = dropout
        ? this.rng.range(0, 0.3)
        : far
          ? this.rng.range(0.2, 0.8)
          : facingAway > 0.5
            ? this.rng.range(0.55, 0.95)
            : this.rng.range(0.88, 0.995);
      const w = (axis: number) => (this.wobble[i * 6 + axis] as number) * 0.7 + this.rng.gaussian();
      const imageX = 0.5 + (this.focal * c.x) / (c.z * aspect) + (n * k * IMAGE_SIGMA + wild) * w(0);
      const imageY = 0.5 - (this.focal * c.y) / c.z + (n * k * IMAGE_SIGMA + wild) * w(1);
      const imageZ = ((c.z - hip.z) * this.focal) / (hip.z * aspect) + n * k * 0.02 * w(2);
      landmarks.push({ x: mirrored ? 1 - imageX : imageX, y: imageY, z: imageZ, visibility });
      const wx = c.x - hip.x + (n * k * WORLD_SIGMA_M + wild) * w(3);
      worldLandmarks.push({
        x: mirrored ? -wx : wx,
        y: -(c.y - hip.y) + (n * k * WORLD_SIGMA_M + wild) * w(4),
        z: c.z - hip.z + (n * k * WORLD_DEPTH_SIGMA_M + wild) * w(5),
        visibility,
      });
    });
    if (mirrored) {
      landmarks = swapSides(landmarks);
      worldLandmarks = swapSides(worldLandmarks);
    }
    return { landmarks, worldLandmarks };
  }
}
