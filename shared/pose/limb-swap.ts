import type { BodyPoints } from "./body-points";
import { LM } from "./landmarks";
import { dist, type Vec3 } from "./vec";

/** Left/right landmark pairs of one limb, which the model sometimes labels the wrong way round. */
const LIMBS: readonly (readonly (readonly [number, number])[])[] = [
  [
    [LM.leftElbow, LM.rightElbow],
    [LM.leftWrist, LM.rightWrist],
    [LM.leftPinky, LM.rightPinky],
    [LM.leftIndex, LM.rightIndex],
    [LM.leftThumb, LM.rightThumb],
  ],
  [
    [LM.leftKnee, LM.rightKnee],
    [LM.leftAnkle, LM.rightAnkle],
    [LM.leftHeel, LM.rightHeel],
    [LM.leftFootIndex, LM.rightFootIndex],
  ],
];
/** Swapped labels must fit the last positions this much better than the given ones. */
const SWAP_MARGIN = 0.5;
/** …and the given labels must be off by at least this share of the shoulder-to-hip length. */
const MIN_JUMP_SHARE = 0.15;

function torsoLength(points: readonly Vec3[]): number {
  const mid = (a: number, b: number) => {
    const p = points[a] as Vec3;
    const q = points[b] as Vec3;
    return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, z: (p.z + q.z) / 2 };
  };
  return dist(mid(LM.leftShoulder, LM.rightShoulder), mid(LM.leftHip, LM.rightHip));
}

/**
 * Undoes MediaPipe's left/right mix-ups of a single limb pair (both arms' or both legs' labels
 * swapped for a few frames, most often seen from the front): when the limbs' points fit the last
 * smoothed positions far better the other way round, their labels are swapped back. A limb is only
 * considered when all its points on both sides are seen now and were placed before; whole-body
 * swaps (shoulders and hips too) are a mirror image, which the measures do not mind.
 */
export function unswapLimbs(body: BodyPoints, last: readonly (Vec3 | null)[]): BodyPoints {
  const scale = torsoLength(body.points);
  if (!(scale > 0)) return body;
  let out = body;
  for (const limb of LIMBS) {
    let kept = 0;
    let swapped = 0;
    let usable = true;
    for (const [l, r] of limb) {
      const lp = last[l];
      const rp = last[r];
      if (!lp || !rp || !body.visible[l] || !body.visible[r]) {
        usable = false;
        break;
      }
      const left = body.points[l] as Vec3;
      const right = body.points[r] as Vec3;
      kept += dist(left, lp) + dist(right, rp);
      swapped += dist(left, rp) + dist(right, lp);
    }
    if (!usable || kept < MIN_JUMP_SHARE * scale * limb.length || swapped >= SWAP_MARGIN * kept) continue;
    if (out === body)
      out = {
        ...body,
        points: body.points.slice(),
        visible: body.visible.slice(),
        visibility: body.visibility.slice(),
      };
    for (const [l, r] of limb) {
      [out.points[l], out.points[r]] = [out.points[r] as Vec3, out.points[l] as Vec3];
      [out.visibility[l], out.visibility[r]] = [out.visibility[r] as number, out.visibility[l] as number];
    }
  }
  return out;
}
