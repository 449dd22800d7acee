import {
  LM,
  dist,
  dot,
  jointAngleDeg,
  mid,
  norm,
  scale,
  sub,
  unit,
  vec,
  type BodyPoints,
  type Vec3,
} from "../pose/index";

export const UP = vec(0, 1, 0);
export const DOWN = vec(0, -1, 0);
/** Toward the camera; the left-right axis stands in as this for image-only points. */
const DEPTH = vec(0, 0, 1);

/** The person's own side. */
export type Side = "left" | "right";
export const SIDES: readonly Side[] = ["left", "right"];
const idx = {
  left: {
    shoulder: LM.leftShoulder,
    elbow: LM.leftElbow,
    wrist: LM.leftWrist,
    hip: LM.leftHip,
    knee: LM.leftKnee,
    ankle: LM.leftAnkle,
    heel: LM.leftHeel,
    toe: LM.leftFootIndex,
    ear: LM.leftEar,
  },
  right: {
    shoulder: LM.rightShoulder,
    elbow: LM.rightElbow,
    wrist: LM.rightWrist,
    hip: LM.rightHip,
    knee: LM.rightKnee,
    ankle: LM.rightAnkle,
    heel: LM.rightHeel,
    toe: LM.rightFootIndex,
    ear: LM.rightEar,
  },
} as const;
/** A joint that comes in a left and a right landmark. */
export type Joint = keyof (typeof idx)["left"];

/** A pose seen through visibility: which points to trust and how to combine the two sides. */
export class View3 {
  /** Left-to-right axis from the hip and shoulder pairs (a rough axis is enough). */
  readonly lateral: Vec3;

  constructor(private readonly body: BodyPoints) {
    const p = body.points;
    // Image points have no depth: the image plane is all there is, and flattening along a
    // left-right axis guessed from overlapping hips (a side view) would erase what is measured.
    if (!body.metric) {
      this.lateral = DEPTH;
      return;
    }
    const axis = (left: number, right: number): Vec3 =>
      body.visible[left] && body.visible[right] ? unit(sub(p[right] as Vec3, p[left] as Vec3)) : vec(0, 0, 0);
    const hips = axis(LM.leftHip, LM.rightHip);
    const shoulders = axis(LM.leftShoulder, LM.rightShoulder);
    const seen = unit(vec(hips.x + shoulders.x, hips.y + shoulders.y, hips.z + shoulders.z));
    // With neither pair seen, fall back on the unseen points, which the model still places.
    this.lateral = norm(seen) > 0 ? seen : unit(sub(p[LM.rightHip] as Vec3, p[LM.leftHip] as Vec3));
  }

  /** A point moved onto the body's mid (sagittal) plane: its left-right offset removed. */
  flat(point: Vec3): Vec3 {
    return sub(point, scale(this.lateral, dot(point, this.lateral)));
  }
  /** The point if visible. */
  at(index: number): Vec3 | undefined {
    return this.body.visible[index] ? this.body.points[index] : undefined;
  }
  joint(side: Side, joint: Joint): Vec3 | undefined {
    return this.at(idx[side][joint]);
  }
  /** Mean visibility of some joints on one side, 0 if any is unseen. */
  sideVisibility(side: Side, joints: readonly Joint[]): number {
    let sum = 0;
    for (const joint of joints) {
      const i = idx[side][joint];
      if (!this.body.visible[i]) return 0;
      sum += this.body.visibility[i] ?? 0;
    }
    return sum / joints.length;
  }
  /**
   * The sides to measure a chain of joints on: both when both are seen about equally well, else
   * only the clearer one. From the side the far limbs are mostly guessed by the model, and
   * averaging them in adds noise rather than removing it.
   */
  sides(joints: readonly Joint[]): Side[] {
    const left = this.sideVisibility("left", joints);
    const right = this.sideVisibility("right", joints);
    if (left === 0 && right === 0) return [];
    if (Math.min(left, right) >= BALANCED_VISIBILITY * Math.max(left, right)) return ["left", "right"];
    return left > right ? ["left"] : ["right"];
  }
  /** Midpoint of a left/right pair, only when both are visible. */
  both(joint: Joint): Vec3 | undefined {
    const left = this.joint("left", joint);
    const right = this.joint("right", joint);
    return left && right ? mid(left, right) : undefined;
  }
  /**
   * A chain of joints along the body, on the mid plane: the midpoints when both sides are seen
   * alike, else the clearer side's chain (never a mix). Flattening removes the kinks that the
   * different widths of shoulders, hips and feet would otherwise put into one side's chain.
   */
  chain(joints: readonly Joint[]): Vec3[] | undefined {
    const sides = this.sides(joints);
    if (sides.length === 2) return joints.map((j) => this.flat(this.both(j) as Vec3));
    const side = sides[0];
    return side ? joints.map((j) => this.flat(this.joint(side, j) as Vec3)) : undefined;
  }
}

/** Visibility ratio above which both sides are trusted equally. */
const BALANCED_VISIBILITY = 0.85;

/** Mean, or undefined for no values. */
export const mean = (values: number[]): number | undefined =>
  values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;

/** A per-side measure on the given sides, dropping those it cannot take. */
export function perSide(
  compute: (side: Side) => number | undefined,
  sides: readonly Side[] = SIDES,
): number[] {
  const values: number[] = [];
  for (const side of sides) {
    const value = compute(side);
    if (value !== undefined && Number.isFinite(value)) values.push(value);
  }
  return values;
}

/** Joint angle at `b` on one side, if all three points are seen. */
export function angleAt(v: View3, side: Side, a: Joint, b: Joint, c: Joint): number | undefined {
  const pa = v.joint(side, a);
  const pb = v.joint(side, b);
  const pc = v.joint(side, c);
  return pa && pb && pc ? jointAngleDeg(pa, pb, pc) : undefined;
}

/** Thigh plus shin on one side. */
export function legLength(v: View3, side: Side): number | undefined {
  const hip = v.joint(side, "hip");
  const knee = v.joint(side, "knee");
  const ankle = v.joint(side, "ankle");
  return hip && knee && ankle ? dist(hip, knee) + dist(knee, ankle) : undefined;
}
