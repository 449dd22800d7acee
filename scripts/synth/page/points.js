// World positions of the figure's anatomical points, named as MediaPipe's 33 pose landmarks.
import * as THREE from "three";

const v = () => new THREE.Vector3();

function at(joint, x = 0, y = 0, z = 0) {
  return joint.localToWorld(v().set(x, y, z));
}

/** The shoe's local extent tells where heel and toe are, whatever the figure's size. */
function footPoints(ankle) {
  const geometry = ankle.image.geometry;
  if (!geometry.boundingBox) geometry.computeBoundingBox();
  const box = geometry.boundingBox;
  const sole = box.min.x;
  return {
    heel: at(ankle.image, sole * 0.6, box.min.y + 0.8, 0),
    toe: at(ankle.image, sole * 0.6, box.max.y - 0.6, 0),
  };
}

function handPoints(figure, side) {
  return {
    pinky: at(figure[`${side}_finger_4`]),
    index: at(figure[`${side}_finger_1`]),
    thumb: at(figure[`${side}_finger_0`].tip),
  };
}

/**
 * The head shape is roughly an ellipsoid whose local +x is the face direction, +y up, and z the ear
 * axis, with the figure's left at -z as in mannequin-js.
 */
function headPoints(head) {
  const geometry = head.image.geometry;
  if (!geometry.boundingBox) geometry.computeBoundingBox();
  const box = geometry.boundingBox;
  const centre = box.getCenter(v());
  const radius = box.getSize(v()).multiplyScalar(0.5);
  // On the face surface at a height and sideways offset from the head centre (see addFace in figure.js).
  const face = (dy, dz) => {
    const x = centre.x + radius.x * Math.sqrt(Math.max(0, 1 - (dy / radius.y) ** 2 - (dz / radius.z) ** 2));
    return at(head.image, x, centre.y + dy, centre.z + dz);
  };
  const eyeZ = radius.z * 0.36;
  return {
    nose: face(-2.4, 0),
    left_eye_inner: face(-1.0, -eyeZ + 0.55),
    left_eye: face(-1.0, -eyeZ),
    left_eye_outer: face(-1.0, -eyeZ - 0.55),
    right_eye_inner: face(-1.0, eyeZ - 0.55),
    right_eye: face(-1.0, eyeZ),
    right_eye_outer: face(-1.0, eyeZ + 0.55),
    left_ear: at(head.image, centre.x, centre.y - 1.0, centre.z - radius.z),
    right_ear: at(head.image, centre.x, centre.y - 1.0, centre.z + radius.z),
    mouth_left: face(-3.9, -0.8),
    mouth_right: face(-3.9, 0.8),
  };
}

// mannequin-js pivots its thigh at the bottom of the pelvis shape, below where a human hip joint sits
// relative to the silhouette (MediaPipe puts it about this much higher, in mannequin units), and its
// ankle pivot sits inside the shoe, a little below the malleoli.
const HIP_RAISE = 2.5;
const ANKLE_RAISE = 0.06;

function hipCentre(leg) {
  return leg.parent.localToWorld(leg.position.clone().add(v().set(0, HIP_RAISE, 0)));
}

/** Joint pivots as mannequin-js rotates them (for inverse kinematics), named like landmarks. */
export function readPivots(figure) {
  figure.updateMatrixWorld(true);
  const out = {};
  for (const [side, name] of [
    ["l", "left"],
    ["r", "right"],
  ]) {
    for (const [part, joint] of [
      ["shoulder", "arm"],
      ["elbow", "elbow"],
      ["wrist", "wrist"],
      ["hip", "leg"],
      ["knee", "knee"],
      ["ankle", "ankle"],
    ]) {
      const p = at(figure[`${side}_${joint}`]);
      out[`${name}_${part}`] = [p.x, p.y, p.z];
    }
  }
  return out;
}

/** Lowest world height of the parts that can touch the floor (soles, hands, knees). */
export function lowestY(figure) {
  let lowest = Infinity;
  for (const side of ["l", "r"]) {
    const ankle = figure[`${side}_ankle`];
    const box =
      ankle.image.geometry.boundingBox ??
      (ankle.image.geometry.computeBoundingBox(), ankle.image.geometry.boundingBox);
    for (const y of [box.min.y, (box.min.y + box.max.y) / 2, box.max.y]) {
      lowest = Math.min(lowest, at(ankle.image, box.min.x, y, 0).y);
    }
    lowest = Math.min(lowest, at(ankle.image, box.max.x * 0.5, box.max.y, 0).y);
    for (const finger of [1, 2, 4]) lowest = Math.min(lowest, at(figure[`${side}_finger_${finger}`]).y);
    lowest = Math.min(lowest, at(figure[`${side}_wrist`]).y - 0.02);
    lowest = Math.min(lowest, at(figure[`${side}_knee`]).y - 0.05);
  }
  return lowest;
}

/** Returns `{ name: [x, y, z] }` in metres, world frame (y up). */
export function readPoints(figure) {
  figure.updateMatrixWorld(true);
  const named = { ...headPoints(figure.head) };
  for (const [side, name] of [
    ["l", "left"],
    ["r", "right"],
  ]) {
    named[`${name}_shoulder`] = at(figure[`${side}_arm`]);
    named[`${name}_elbow`] = at(figure[`${side}_elbow`]);
    named[`${name}_wrist`] = at(figure[`${side}_wrist`]);
    const hand = handPoints(figure, side);
    named[`${name}_pinky`] = hand.pinky;
    named[`${name}_index`] = hand.index;
    named[`${name}_thumb`] = hand.thumb;
    named[`${name}_hip`] = hipCentre(figure[`${side}_leg`]);
    named[`${name}_knee`] = at(figure[`${side}_knee`]);
    named[`${name}_ankle`] = at(figure[`${side}_ankle`]).lerp(named[`${name}_knee`], ANKLE_RAISE);
    const foot = footPoints(figure[`${side}_ankle`]);
    named[`${name}_heel`] = foot.heel;
    named[`${name}_foot_index`] = foot.toe;
  }
  const out = {};
  for (const [name, p] of Object.entries(named)) out[name] = [p.x, p.y, p.z];
  return out;
}
