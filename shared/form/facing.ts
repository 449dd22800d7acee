import { LM, dot, mid, norm, reject, sub, unit, vec, type Vec3 } from "../pose/index";
import { UP, type View3 } from "./body-view";

/** Shortest nose-ahead-of-ears distance, in torso lengths, that gives a facing direction. */
const MIN_NOSE_LEAD = 0.08;

/**
 * The horizontal direction the person faces: the nose lies ahead of the ears, whichever way the
 * camera sees them, and ahead of the shoulders; the toes lie ahead of the heels when the head is
 * not seen well. Undefined
 * when neither says (facing the camera in a flat image: the direction is out of the picture).
 */
export function facingDirection(v: View3, torsoLength: number): Vec3 | undefined {
  const nose = v.at(LM.nose);
  const ears = [v.joint("left", "ear"), v.joint("right", "ear")].filter((p): p is Vec3 => !!p);
  if (nose && ears.length) {
    const ear = ears.length === 2 ? mid(ears[0]!, ears[1]!) : ears[0]!;
    const ahead = reject(sub(nose, ear), UP);
    if (norm(ahead) >= MIN_NOSE_LEAD * torsoLength) return unit(ahead);
  }
  // Without ears (many landmark sets keep only the nose of the head): the face is ahead of the
  // shoulders, which lean back with the torso and keep the nose in front.
  const shoulders = [v.joint("left", "shoulder"), v.joint("right", "shoulder")].filter((p): p is Vec3 => !!p);
  if (nose && shoulders.length) {
    const shoulder = shoulders.length === 2 ? mid(shoulders[0]!, shoulders[1]!) : shoulders[0]!;
    const ahead = reject(sub(nose, shoulder), UP);
    if (norm(ahead) >= MIN_NOSE_LEAD * torsoLength) return unit(ahead);
  }
  let feet = vec(0, 0, 0);
  for (const side of ["left", "right"] as const) {
    const heel = v.joint(side, "heel");
    const toe = v.joint(side, "toe");
    if (heel && toe) feet = sub(feet, reject(sub(heel, toe), UP));
  }
  return norm(feet) >= MIN_NOSE_LEAD * torsoLength ? unit(feet) : undefined;
}

/**
 * How far the torso leans back from upright, in degrees (+ shoulders behind the hips, - ahead),
 * against the direction the person faces: an absolute posture, so a lean held from the first
 * frame is measured as a lean.
 */
export function torsoBackLeanDeg(v: View3, hip: Vec3, shoulder: Vec3): number | undefined {
  const torso = sub(shoulder, hip);
  const facing = facingDirection(v, norm(torso));
  if (!facing) return undefined;
  return (Math.atan2(-dot(torso, facing), dot(torso, UP)) * 180) / Math.PI;
}
