import type { Vec3 } from "../types.ts";
import { DEG } from "./posture.ts";

type Mat3 = readonly [Vec3, Vec3, Vec3];

const rx = (a: number): Mat3 => [
  [1, 0, 0],
  [0, Math.cos(a), -Math.sin(a)],
  [0, Math.sin(a), Math.cos(a)],
];
const ry = (a: number): Mat3 => [
  [Math.cos(a), 0, Math.sin(a)],
  [0, 1, 0],
  [-Math.sin(a), 0, Math.cos(a)],
];
const rz = (a: number): Mat3 => [
  [Math.cos(a), -Math.sin(a), 0],
  [Math.sin(a), Math.cos(a), 0],
  [0, 0, 1],
];
const apply = (m: Mat3, v: Vec3): Vec3 => [
  m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
  m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
  m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
];

export interface LimbAngles {
  raiseDeg: number;
  straddleDeg: number;
  turnDeg: number;
  /** Knee (or elbow) flexion. */
  bendDeg: number;
}

/**
 * End of a two-segment limb relative to its root, in the parent's frame (x forward, y up, z to the
 * figure's right), using the same rotation order the page uses: raise, then straddle, then turn.
 * `side` is -1 for left, +1 for right, as in mannequin-js.
 */
export function limbEnd(
  angles: LimbAngles,
  side: -1 | 1,
  firstM: number,
  secondM: number,
): { mid: Vec3; end: Vec3 } {
  const r = (deg: number) => deg / DEG;
  const root = (v: Vec3) =>
    apply(
      rz(r(angles.raiseDeg)),
      apply(rx(r(-side * angles.straddleDeg)), apply(ry(r(-side * angles.turnDeg)), v)),
    );
  const mid = root([0, -firstM, 0]);
  const lower = root(apply(rz(r(-angles.bendDeg)), [0, -secondM, 0]));
  return { mid, end: [mid[0] + lower[0], mid[1] + lower[1], mid[2] + lower[2]] };
}

/** Outward (away from the midline) component of a limb-frame vector for a side. */
export const outward = (v: Vec3, side: -1 | 1): number => side * v[2];

/**
 * Finds the limb's axial turn that puts its end at `outwardM` from the root sideways, so a foot stays
 * planted while the knee moves in or out. Bisection over ±60°, as the offset is monotonic there.
 */
export function turnForWidth(
  angles: Omit<LimbAngles, "turnDeg">,
  side: -1 | 1,
  firstM: number,
  secondM: number,
  outwardM: number,
): number {
  const width = (turnDeg: number) =>
    outward(limbEnd({ ...angles, turnDeg }, side, firstM, secondM).end, side);
  let lo = -60;
  let hi = 60;
  const increasing = width(hi) > width(lo);
  for (let i = 0; i < 40; i++) {
    const midDeg = (lo + hi) / 2;
    if (width(midDeg) < outwardM === increasing) lo = midDeg;
    else hi = midDeg;
  }
  return (lo + hi) / 2;
}
