import { add, angleBetweenDeg, dot, norm, reject, scale, sub, unit, type Vec3 } from "../pose/index";
import type { View3 } from "./body-view";
import { UP, mean, perSide, type Joint } from "./body-view";

/**
 * Floor exercises (plank, push-up) judged without trusting the image's "down": a phone propped on
 * its side, or a video whose rotation flag was lost, shows the body running up the frame. The
 * arms hold the body off the floor, so the floor lies on the side of the shoulder-to-feet line
 * where the elbows and wrists are; "up off the line" is the other way. Only when the arms are
 * not seen does the image's own up stand in.
 */

/** The body line's far end: the ankles, or the knees when the feet are not seen (legs straight). */
function lineChain(v: View3): { shoulder: Vec3; hip: Vec3; end: Vec3 } | undefined {
  for (const end of ["ankle", "knee"] as const satisfies readonly Joint[]) {
    const [shoulder, hip, far] = v.chain(["shoulder", "hip", end]) ?? [];
    if (shoulder && hip && far) return { shoulder, hip, end: far };
  }
  return undefined;
}

/** Unit direction off the line, away from the floor (the supporting arms' side is the floor). */
function awayFromFloor(v: View3, shoulder: Vec3, line: Vec3): Vec3 {
  let sum: Vec3 = { x: 0, y: 0, z: 0 };
  for (const joint of ["elbow", "wrist"] as const) {
    for (const side of ["left", "right"] as const) {
      const p = v.joint(side, joint);
      if (p) sum = add(sum, reject(sub(v.flat(p), shoulder), line));
    }
  }
  // Arms along the body line (or unseen) say nothing about where the floor is.
  if (norm(sum) > 1e-6) return scale(unit(sum), -1);
  return unit(reject(UP, line));
}

/**
 * Signed bend at the hips of the shoulder-hip-ankle line, in degrees: + when the hips rise away
 * from the floor (pike), - when they sag toward it. Knees stand in for unseen ankles.
 */
export function hipLineDeg(v: View3): number | undefined {
  const chain = lineChain(v);
  if (!chain) return undefined;
  const { shoulder, hip, end } = chain;
  const length = norm(sub(end, shoulder));
  if (length < 1e-9) return undefined;
  const line = unit(sub(end, shoulder));
  const up = awayFromFloor(v, shoulder, line);
  const fromShoulder = dot(sub(hip, shoulder), line);
  const toEnd = length - fromShoulder;
  if (fromShoulder <= 0 || toEnd <= 0) return undefined;
  const offset = dot(sub(hip, shoulder), up);
  return ((Math.atan2(offset, fromShoulder) + Math.atan2(offset, toEnd)) * 180) / Math.PI;
}

/**
 * Angle between the torso (shoulders to hips) and the supporting arm (shoulder to wrist, or to
 * elbow when the wrist is unseen), in degrees: 60-100 while the arms hold the body up in a plank
 * or at any depth of a push-up, near 0 with the arms hanging at the sides.
 */
export function supportArmDeg(v: View3): number | undefined {
  return mean(
    perSide(
      (side) => {
        const hip = v.joint(side, "hip");
        const shoulder = v.joint(side, "shoulder");
        const hand = v.joint(side, "wrist") ?? v.joint(side, "elbow");
        return hip && shoulder && hand ? angleBetweenDeg(sub(hip, shoulder), sub(hand, shoulder)) : undefined;
      },
      v.sides(["hip", "shoulder"]),
    ),
  );
}
