import {
  angleBetweenDeg,
  cross,
  dist,
  dot,
  jointAngleDeg,
  mid,
  norm,
  reject,
  scale,
  sub,
  unit,
  vec,
  type BodyPoints,
  type Vec3,
} from "../pose/index";
import { torsoBackLeanDeg } from "./facing";
import type { MetricName, Metrics } from "./metric-names";
import { hipLineDeg, supportArmDeg } from "./floor-line";
import { DOWN, UP, View3, angleAt, legLength, mean, perSide, type Joint, type Side } from "./body-view";

/**
 * Signed angle of the head off a body line ending at the shoulders (from the hips, or from the
 * ankles for a plank, whose line a sagging hip must not tilt): + when it drops toward the floor.
 */
function headDropDeg(v: View3, base: "hip" | "ankle"): number | undefined {
  const [from, shoulder, ear] = v.chain([base, "shoulder", "ear"]) ?? [];
  if (!from || !shoulder || !ear) return undefined;
  const body = sub(shoulder, from);
  const head = sub(ear, shoulder);
  const angle = angleBetweenDeg(body, head);
  const downOffBody = reject(DOWN, unit(body));
  if (norm(downOffBody) < 0.2) return angle;
  return dot(head, downOffBody) >= 0 ? angle : -angle;
}

/** Unit vector from the person's left to right side, horizontal. */
function lateralAxis(v: View3): Vec3 | undefined {
  for (const joint of ["hip", "shoulder"] as const) {
    const left = v.joint("left", joint);
    const right = v.joint("right", joint);
    if (left && right) return unit(sub(right, left));
  }
  return undefined;
}

/** Knee displacement toward the midline from the hip-ankle line, in leg lengths. */
function valgusRatio(v: View3, side: Side, lateral: Vec3): number | undefined {
  const offset = kneeOffset(v, side);
  const length = legLength(v, side);
  if (!offset || !length) return undefined;
  const medial = side === "left" ? lateral : scale(lateral, -1);
  return dot(offset, medial) / length;
}

function kneeOffset(v: View3, side: Side): Vec3 | undefined {
  const hip = v.joint(side, "hip");
  const knee = v.joint(side, "knee");
  const ankle = v.joint(side, "ankle");
  return hip && knee && ankle ? sub(knee, mid(hip, ankle)) : undefined;
}

/**
 * Both knees' mean displacement toward the midline, in leg lengths. Taking half the difference
 * of the two knees' offsets cancels what they share (both travel forward in a squat), so a
 * slightly wrong left-right axis does not turn forward travel into false valgus.
 */
function bilateralValgusRatio(v: View3, lateral: Vec3): number | undefined {
  const left = kneeOffset(v, "left");
  const right = kneeOffset(v, "right");
  const length = mean(perSide((s) => legLength(v, s)));
  if (!left || !right || !length) return undefined;
  return dot(scale(sub(left, right), 0.5), lateral) / length;
}

/**
 * Sideways shift of the hips off the centre of the feet, in leg lengths (weight on one leg).
 * Measured along the ankle-to-ankle line: planted feet give a steadier axis than the hips,
 * whose backward travel would otherwise leak in.
 */
function hipShiftRatio(v: View3): number | undefined {
  const hips = v.both("hip");
  const la = v.joint("left", "ankle");
  const ra = v.joint("right", "ankle");
  const length = mean(perSide((s) => legLength(v, s)));
  if (!hips || !la || !ra || !length) return undefined;
  const feet = sub(ra, la);
  const axis = unit(vec(feet.x, 0, feet.z));
  return Math.abs(dot(sub(hips, mid(la, ra)), axis)) / length;
}

/**
 * Distance between the two `joint`s over the shoulders' width: how wide the feet (or hands) are
 * set. Both lie across the body, so turning away from the camera shrinks both alike.
 */
function widthRatio(v: View3, joint: Joint): number | undefined {
  const left = v.joint("left", joint);
  const right = v.joint("right", joint);
  const shoulders = v.joint("left", "shoulder");
  const other = v.joint("right", "shoulder");
  if (!left || !right || !shoulders || !other) return undefined;
  const width = dist(shoulders, other);
  return width > 1e-9 ? dist(left, right) / width : undefined;
}

/** Height of the hips above the lower ankle, in leg lengths: about 1 standing tall. */
function hipHeightRatio(v: View3): number | undefined {
  const hips = v.both("hip");
  const la = v.joint("left", "ankle");
  const ra = v.joint("right", "ankle");
  const length = mean(perSide((s) => legLength(v, s)));
  if (!hips || !la || !ra || !length) return undefined;
  return (hips.y - Math.min(la.y, ra.y)) / length;
}

/** Horizontal direction a foot points (heel to toe). */
function footDirection(v: View3, side: Side): Vec3 | undefined {
  const heel = v.joint(side, "heel");
  const toe = v.joint(side, "toe");
  if (!heel || !toe) return undefined;
  const flat = sub(toe, heel);
  return unit(vec(flat.x, 0, flat.z));
}

/** The leg whose ankle is further forward along the feet's direction, if the feet are split. */
function frontLeg(v: View3): Side | undefined {
  const forward = [footDirection(v, "left"), footDirection(v, "right")].filter(
    (d): d is Vec3 => d !== undefined,
  );
  const la = v.joint("left", "ankle");
  const ra = v.joint("right", "ankle");
  const length = mean(perSide((s) => legLength(v, s)));
  if (forward.length === 0 || !la || !ra || !length) return undefined;
  const dir = unit(forward.reduce((a, b) => vec(a.x + b.x, 0, a.z + b.z)));
  const split = dot(sub(la, ra), dir) / length;
  if (Math.abs(split) < 0.25) return undefined;
  return split > 0 ? "left" : "right";
}

/**
 * The toes' reach ahead of the ankle, in leg lengths, from body proportions: the foot is about 0.15
 * of stature and the toes reach about three quarters of it ahead of the ankle, while hip to ankle
 * is about 0.49 of stature (Drillis and Contini's segment ratios).
 */
const TOE_REACH_RATIO = 0.23;

/**
 * How far the knee travels past the toes, in leg lengths (+ past). Measured from the ankle, which
 * the model places well: its toe point drifts back under a knee bent over it or a weight held by
 * the foot, which would call a knee over the laces "past the toes". The toes reach at least as
 * far as body proportions say, further when the model sees a longer foot.
 */
function kneePastToeRatio(v: View3, side: Side): number | undefined {
  const knee = v.joint(side, "knee");
  const ankle = v.joint(side, "ankle");
  const toe = v.joint(side, "toe");
  const direction = footDirection(v, side);
  const length = legLength(v, side);
  if (!knee || !ankle || !toe || !direction || !length) return undefined;
  const reach = Math.max(dot(sub(toe, ankle), direction) / length, TOE_REACH_RATIO);
  return dot(sub(knee, ankle), direction) / length - reach;
}

/** Angle of the upper arm out of the torso plane, seen from above the back (push-up flare). */
function elbowFlareDeg(v: View3, side: Side, lateral: Vec3): number | undefined {
  const shoulder = v.joint(side, "shoulder");
  const elbow = v.joint(side, "elbow");
  const hip = v.both("hip") ?? v.joint(side, "hip");
  if (!shoulder || !elbow || !hip) return undefined;
  const torso = unit(sub(hip, shoulder));
  const normal = unit(cross(torso, lateral));
  const arm = sub(elbow, shoulder);
  const inPlane = reject(arm, normal);
  if (norm(inPlane) < 0.35 * norm(arm)) return undefined;
  return angleBetweenDeg(inPlane, torso);
}

function put(metrics: Metrics, name: MetricName, value: number | undefined): void {
  if (value !== undefined && Number.isFinite(value)) metrics[name] = value;
}

/** Measures everything the exercises use from one (smoothed) pose. */
export function measure(body: BodyPoints): Metrics {
  const v = new View3(body);
  const m: Metrics = {};
  const knees = perSide((s) => angleAt(v, s, "hip", "knee", "ankle"), v.sides(["hip", "knee", "ankle"]));
  put(m, "kneeDeg", mean(knees));
  put(m, "kneeMinDeg", knees.length ? Math.min(...knees) : undefined);
  // Lunges bend the two knees differently, so both count even when one is seen less well.
  put(m, "kneesBothDeg", mean(perSide((s) => angleAt(v, s, "hip", "knee", "ankle"))));
  if (knees.length === 2) put(m, "kneeAsymmetryDeg", Math.abs(knees[0]! - knees[1]!));
  put(
    m,
    "hipDeg",
    mean(perSide((s) => angleAt(v, s, "shoulder", "hip", "knee"), v.sides(["shoulder", "hip", "knee"]))),
  );
  const elbows = perSide(
    (s) => angleAt(v, s, "shoulder", "elbow", "wrist"),
    v.sides(["shoulder", "elbow", "wrist"]),
  );
  put(m, "elbowDeg", mean(elbows));
  put(m, "elbowMinDeg", elbows.length ? Math.min(...elbows) : undefined);
  put(m, "elbowMaxDeg", elbows.length ? Math.max(...elbows) : undefined);
  // Image-only points have one reading: it is the straightest there is.
  if (!body.metric) put(m, "elbowStraightDeg", m.elbowMaxDeg);
  const [hip, shoulder] = v.chain(["hip", "shoulder"]) ?? [];
  if (hip && shoulder) {
    const torso = sub(shoulder, hip);
    put(m, "torsoLeanDeg", angleBetweenDeg(torso, UP));
    // Signed, so that landmark noise averages out instead of always adding lean.
    const forward = unit(cross(UP, v.lateral));
    put(m, "torsoPitchDeg", (Math.atan2(dot(torso, forward), dot(torso, UP)) * 180) / Math.PI);
    put(m, "torsoBackLeanDeg", torsoBackLeanDeg(v, hip, shoulder));
  }
  put(m, "shinLeanDeg", mean(perSide((s) => lean(v, s, "ankle", "knee"), v.sides(["ankle", "knee"]))));
  if (m.torsoLeanDeg !== undefined && m.shinLeanDeg !== undefined) {
    m.torsoBeyondShinDeg = m.torsoLeanDeg - m.shinLeanDeg;
  }
  const upperArms = perSide((s) => armFlexDeg(v, s), v.sides(["hip", "shoulder", "elbow"]));
  put(m, "upperArmTorsoDeg", upperArms.length ? Math.max(...upperArms) : undefined);
  put(m, "shoulderAbductionDeg", mean(perSide((s) => angleAt(v, s, "hip", "shoulder", "wrist"))));
  put(m, "wristLiftRatio", mean(perSide((s) => wristLift(v, s), v.sides(["shoulder", "elbow", "wrist"]))));
  put(m, "hipLineDeg", hipLineDeg(v));
  put(m, "supportArmDeg", supportArmDeg(v));
  put(m, "headDropDeg", headDropDeg(v, "hip"));
  put(m, "headBelowLineDeg", headDropDeg(v, "ankle"));
  const lateral = lateralAxis(v);
  if (lateral) {
    put(m, "kneeValgusRatio", bilateralValgusRatio(v, lateral));
    put(m, "hipShiftRatio", hipShiftRatio(v));
    // Flare is out of the torso's plane: image points have no depth to see it in.
    if (body.metric) put(m, "elbowFlareDeg", mean(perSide((s) => elbowFlareDeg(v, s, lateral))));
  }
  put(m, "hipHeightRatio", hipHeightRatio(v));
  put(m, "stanceWidthRatio", widthRatio(v, "ankle"));
  const front = frontLeg(v);
  if (front) {
    put(m, "frontKneeDeg", angleAt(v, front, "hip", "knee", "ankle"));
    put(m, "kneePastToeRatio", kneePastToeRatio(v, front));
    if (lateral) put(m, "frontKneeValgusRatio", valgusRatio(v, front, lateral));
  }
  return m;
}

/** Upper arm raised forward or back from the torso line, on the mid plane (sideways ignored). */
function armFlexDeg(v: View3, side: Side): number | undefined {
  const hip = v.joint(side, "hip");
  const shoulder = v.joint(side, "shoulder");
  const elbow = v.joint(side, "elbow");
  if (!hip || !shoulder || !elbow) return undefined;
  return jointAngleDeg(v.flat(hip), v.flat(shoulder), v.flat(elbow));
}

function lean(v: View3, side: Side, from: Joint, to: Joint): number | undefined {
  const a = v.joint(side, from);
  const b = v.joint(side, to);
  return a && b ? angleBetweenDeg(sub(b, a), UP) : undefined;
}

function wristLift(v: View3, side: Side): number | undefined {
  const shoulder = v.joint(side, "shoulder");
  const elbow = v.joint(side, "elbow");
  const wrist = v.joint(side, "wrist");
  if (!shoulder || !elbow || !wrist) return undefined;
  return (wrist.y - shoulder.y) / (dist(shoulder, elbow) + dist(elbow, wrist));
}

/** Each seen arm's hand height over the shoulder, in arm lengths (what `wristLiftRatio` averages). */
export function wristLiftBySide(body: BodyPoints): Partial<Record<Side, number>> {
  const v = new View3(body);
  const lifts: Partial<Record<Side, number>> = {};
  for (const side of v.sides(["shoulder", "elbow", "wrist"])) {
    const lift = wristLift(v, side);
    if (lift !== undefined && Number.isFinite(lift)) lifts[side] = lift;
  }
  return lifts;
}

/** Horizontal yaw of the body's left-right axis against the image plane: 0 facing, 90 side-on. */
export function bodyYawDeg(body: BodyPoints): number | undefined {
  const v = new View3(body);
  if (!body.metric) return apparentYawDeg(v);
  const axes = (["hip", "shoulder"] as const).flatMap((joint) => {
    const left = v.joint("left", joint);
    const right = v.joint("right", joint);
    return left && right ? [unit(sub(right, left))] : [];
  });
  if (axes.length === 0) return undefined;
  const lateral = axes.reduce((a, b) => vec(a.x + b.x, a.y + b.y, a.z + b.z));
  return (Math.atan2(Math.abs(lateral.z), Math.abs(lateral.x)) * 180) / Math.PI;
}

/** Shoulder width over torso length when facing the camera square on. */
const FACING_WIDTH_RATIO = 0.75;

/**
 * Yaw from a 2D image alone: how narrow the shoulders look against the torso's length. Cannot
 * tell left from right turns, which the views do not need.
 */
function apparentYawDeg(v: View3): number | undefined {
  const left = v.joint("left", "shoulder");
  const right = v.joint("right", "shoulder");
  const [hip, shoulder] = v.chain(["hip", "shoulder"]) ?? [];
  if (!left || !right || !hip || !shoulder) return undefined;
  const torso = norm(sub(shoulder, hip));
  if (torso < 1e-6) return undefined;
  const ratio = Math.min(1, norm(sub(right, left)) / torso / FACING_WIDTH_RATIO);
  return (Math.acos(ratio) * 180) / Math.PI;
}
