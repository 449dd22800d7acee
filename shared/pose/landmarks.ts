/**
 * One pose landmark as MediaPipe reports it: normalised image coordinates (x, y in [0, 1] of the
 * frame, z relative depth on roughly the scale of x) or world coordinates in metres with the
 * origin between the hips. `visibility` is the model's 0..1 belief that the point is visible.
 */
export interface Landmark {
  x: number;
  y: number;
  z: number;
  visibility: number;
}

/** Number of landmarks in a BlazePose frame. */
export const LANDMARK_COUNT = 33;

/** Landmark indices in MediaPipe BlazePose order. Left and right are the person's own sides. */
export const LM = {
  nose: 0,
  leftEyeInner: 1,
  leftEye: 2,
  leftEyeOuter: 3,
  rightEyeInner: 4,
  rightEye: 5,
  rightEyeOuter: 6,
  leftEar: 7,
  rightEar: 8,
  mouthLeft: 9,
  mouthRight: 10,
  leftShoulder: 11,
  rightShoulder: 12,
  leftElbow: 13,
  rightElbow: 14,
  leftWrist: 15,
  rightWrist: 16,
  leftPinky: 17,
  rightPinky: 18,
  leftIndex: 19,
  rightIndex: 20,
  leftThumb: 21,
  rightThumb: 22,
  leftHip: 23,
  rightHip: 24,
  leftKnee: 25,
  rightKnee: 26,
  leftAnkle: 27,
  rightAnkle: 28,
  leftHeel: 29,
  rightHeel: 30,
  leftFootIndex: 31,
  rightFootIndex: 32,
} as const;

/** Name of a landmark in {@link LM}. */
export type LandmarkName = keyof typeof LM;

/** Pairs of landmark indices joined by a bone, for drawing the skeleton. */
export const SKELETON_EDGES: ReadonlyArray<readonly [number, number]> = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 7],
  [0, 4],
  [4, 5],
  [5, 6],
  [6, 8],
  [9, 10],
  [11, 12],
  [11, 13],
  [13, 15],
  [15, 17],
  [15, 19],
  [15, 21],
  [17, 19],
  [12, 14],
  [14, 16],
  [16, 18],
  [16, 20],
  [16, 22],
  [18, 20],
  [11, 23],
  [12, 24],
  [23, 24],
  [23, 25],
  [24, 26],
  [25, 27],
  [26, 28],
  [27, 29],
  [28, 30],
  [29, 31],
  [30, 32],
  [27, 31],
  [28, 32],
];

/**
 * One frame of pose output. `landmarks` holds 33 image landmarks, or is empty when no person was
 * found. `worldLandmarks` (metres, hip-centred, y down like the image) are used for geometry when
 * present. `imageAspect` is frame width / height, needed to measure angles in image coordinates
 * when world landmarks are absent (1 is assumed otherwise).
 */
export interface PoseFrame {
  tMs: number;
  landmarks: Landmark[];
  worldLandmarks?: Landmark[];
  imageAspect?: number;
}

/** Swaps each left landmark with its right partner: what a mirrored camera does to the labels. */
export function swapSides<T>(points: readonly T[]): T[] {
  const swapped = points.slice();
  for (const [name, index] of Object.entries(LM)) {
    if (!name.startsWith("left")) continue;
    const partner = LM[`right${name.slice(4)}` as LandmarkName];
    const left = points[index];
    const right = points[partner];
    if (left !== undefined && right !== undefined) {
      swapped[index] = right;
      swapped[partner] = left;
    }
  }
  return swapped;
}
