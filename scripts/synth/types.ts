/** Exercises the generator can perform. */
export const EXERCISES = ["squat", "push_up", "lunge", "bicep_curl", "plank"] as const;
export type Exercise = (typeof EXERCISES)[number];

/** Faults that can be injected, per exercise. */
export const FAULTS_BY_EXERCISE = {
  squat: ["knee_valgus", "forward_lean", "shallow_depth"],
  push_up: ["hips_sag", "partial_range"],
  lunge: ["knee_over_toe", "torso_lean"],
  bicep_curl: ["lean_back", "partial_range"],
  plank: ["hips_sag"],
} as const satisfies Record<Exercise, readonly string[]>;
export type Fault = (typeof FAULTS_BY_EXERCISE)[Exercise][number];

/** Camera azimuth around the figure: the figure's front, its left side, or halfway. */
export type View = "front" | "side" | "45";

export interface FigureSpec {
  sex: "male" | "female";
  heightM: number;
  colors: { skin: string; shirt: string; shorts: string; legs: string; shoes: string; hair: string };
}

/** Everything that determines a clip; the cache key is a hash of this plus the generator version. */
export interface SynthParams {
  exercise: Exercise;
  reps: number;
  /** Seconds per rep (down and up). */
  tempoS: number;
  /** Range of motion, 1 = a full textbook rep. */
  depth: number;
  /** Faults per rep, 1-based rep number to the faults in that rep. */
  faults: Record<number, Fault[]>;
  view: View;
  /** Camera distance from the figure's support point; 0 picks one that frames the whole body. */
  distanceM: number;
  /** Camera height above the floor; 0 picks one per exercise. */
  cameraHeightM: number;
  figure: FigureSpec;
  background: string;
  width: number;
  height: number;
  fps: number;
  /** Standing still before the first and after the last rep. */
  leadInS: number;
  leadOutS: number;
  /** Varies timing of each rep by up to ±`jitter` of the tempo, reproducibly from `seed`. */
  jitter: number;
  seed: number;
  jpegQuality: number;
}

/** Pose landmark names in MediaPipe's 33-landmark order. */
export const LANDMARK_NAMES = [
  "nose",
  "left_eye_inner",
  "left_eye",
  "left_eye_outer",
  "right_eye_inner",
  "right_eye",
  "right_eye_outer",
  "left_ear",
  "right_ear",
  "mouth_left",
  "mouth_right",
  "left_shoulder",
  "right_shoulder",
  "left_elbow",
  "right_elbow",
  "left_wrist",
  "right_wrist",
  "left_pinky",
  "right_pinky",
  "left_index",
  "right_index",
  "left_thumb",
  "right_thumb",
  "left_hip",
  "right_hip",
  "left_knee",
  "right_knee",
  "left_ankle",
  "right_ankle",
  "left_heel",
  "right_heel",
  "left_foot_index",
  "right_foot_index",
] as const;
export type LandmarkName = (typeof LANDMARK_NAMES)[number];

export type Vec3 = readonly [number, number, number];

/** One landmark in normalised image coordinates (0..1, origin top-left), as MediaPipe reports them. */
export interface TruthLandmark {
  x: number;
  y: number;
  /** Depth from the camera in metres (positive in front), not MediaPipe's hip-relative z. */
  depthM: number;
  /** 1 when the generator placed the point, 0 when it could not. */
  visibility: 0 | 1;
}

export type Phase = "setup" | "descent" | "bottom" | "ascent" | "top";

/** Joint angles in degrees: 180 is straight for knee/hip/elbow; shoulder is arm-to-torso. */
export interface TruthAngles {
  leftKneeDeg: number;
  rightKneeDeg: number;
  leftHipDeg: number;
  rightHipDeg: number;
  leftElbowDeg: number;
  rightElbowDeg: number;
  leftShoulderDeg: number;
  rightShoulderDeg: number;
  /** Angle of hip-mid to shoulder-mid from vertical. */
  torsoLeanDeg: number;
}

export interface TruthFrame {
  index: number;
  tMs: number;
  /** 1-based rep number, or 0 outside reps. */
  rep: number;
  phase: Phase;
  /** 0 at the top of the movement, 1 at the deepest point of this rep. */
  progress: number;
  landmarks: TruthLandmark[];
  /** World positions in metres (y up), same order as landmarks. */
  worldM: Vec3[];
  angles: TruthAngles;
}

export interface TruthRep {
  rep: number;
  startMs: number;
  bottomMs: number;
  endMs: number;
  /** Range of motion actually performed, 1 = full rep at depth 1. */
  depth: number;
  /** Extreme of the exercise's key angle in this rep (knee for squat/lunge, elbow for push-up/curl). */
  keyAngleDeg: number;
  faults: Fault[];
}

/** Ground truth written next to each clip as truth.json. */
export interface SynthTruth {
  generatorVersion: number;
  params: SynthParams;
  fps: number;
  frameCount: number;
  durationMs: number;
  width: number;
  height: number;
  /** Chromium's file capture plays MJPEG at a fixed 30 fps, so the MJPEG is resampled to it. */
  mjpeg: { fps: number; frameCount: number; truthFrameIndex: number[] };
  camera: { position: Vec3; target: Vec3; fovDeg: number };
  landmarkNames: readonly LandmarkName[];
  frames: TruthFrame[];
  reps: TruthRep[];
  /** Ground truth of pose.png / pose.jpg: the bottom of rep 1 (or the start pose with no reps). */
  still: TruthFrame;
}
