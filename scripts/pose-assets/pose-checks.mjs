/**
 * @typedef {{ x: number, y: number, z: number, visibility?: number }} Landmark
 */

// BlazePose landmark indices.
const NOSE = 0;
const SHOULDERS = [11, 12];
const HIPS = [23, 24];
const KNEES = [25, 26];
const ANKLES = [27, 28];
const LANDMARK_COUNT = 33;

/** @param {Landmark[]} pose @param {number[]} indices */
const meanY = (pose, indices) => indices.reduce((sum, i) => sum + pose[i].y, 0) / indices.length;

/**
 * Checks that a detection result describes one upright person fully in frame:
 * 33 landmarks, inside the image, and head above shoulders above hips above
 * knees above ankles (image y grows downwards).
 * @param {Landmark[][]} poses
 * @returns {string[]} problems found; empty when the pose looks right
 */
export function checkStandingPose(poses) {
  if (poses.length !== 1) return [`expected 1 pose, got ${poses.length}`];
  const [pose] = poses;
  if (pose.length !== LANDMARK_COUNT) return [`expected ${LANDMARK_COUNT} landmarks, got ${pose.length}`];
  const problems = [];
  const outside = pose.filter((p) => p.x < 0 || p.x > 1 || p.y < 0 || p.y > 1).length;
  if (outside > 0) problems.push(`${outside} landmarks fall outside the image`);
  const chain = [
    ["nose", pose[NOSE].y],
    ["shoulders", meanY(pose, SHOULDERS)],
    ["hips", meanY(pose, HIPS)],
    ["knees", meanY(pose, KNEES)],
    ["ankles", meanY(pose, ANKLES)],
  ];
  for (let i = 1; i < chain.length; i++) {
    const [upper, upperY] = chain[i - 1];
    const [lower, lowerY] = chain[i];
    if (!(Number(upperY) < Number(lowerY)))
      problems.push(
        `${upper} (y=${Number(upperY).toFixed(2)}) not above ${lower} (y=${Number(lowerY).toFixed(2)})`,
      );
  }
  return problems;
}

// Left/right landmark pairs compared with the figure's own joints.
const PAIRS = [
  [11, 12],
  [13, 14],
  [15, 16],
  [23, 24],
  [25, 26],
  [27, 28],
];

/**
 * Mean distance in pixels between detected landmarks and the figure's true
 * joints. Each left/right pair is scored in whichever assignment fits
 * better, since a featureless mannequin seen front-on is easily mirrored;
 * `mirroredPairs` says how many pairs came out swapped.
 * @param {Landmark[]} pose
 * @param {Record<string, { x: number, y: number }>} truth keyed by landmark index
 * @param {{ widthPx: number, heightPx: number }} image
 */
export function jointErrorPx(pose, truth, { widthPx, heightPx }) {
  /** @param {Landmark} a @param {{ x: number, y: number }} b */
  const distancePx = (a, b) => Math.hypot((a.x - b.x) * widthPx, (a.y - b.y) * heightPx);
  let totalPx = 0;
  let mirroredPairs = 0;
  for (const [left, right] of PAIRS) {
    const direct = distancePx(pose[left], truth[left]) + distancePx(pose[right], truth[right]);
    const swapped = distancePx(pose[left], truth[right]) + distancePx(pose[right], truth[left]);
    if (swapped < direct) mirroredPairs++;
    totalPx += Math.min(direct, swapped);
  }
  return { meanPx: totalPx / (2 * PAIRS.length), mirroredPairs, pairs: PAIRS.length };
}
