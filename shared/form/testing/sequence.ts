import type { PoseFrame } from "../../pose/index";
import type { ExerciseId, FaultId, View } from "../types";
import { SyntheticCamera, type CameraSetup } from "./camera";
import { landmarkPoints } from "./landmarks-from-joints";
import type { PoseFunction, PoseInput, Style } from "./pose-types";
import { gluteBridge, plank, pushUp } from "./poses-floor";
import { forwardLunge, reverseLunge, splitSquat } from "./poses-lunge";
import { bicepCurl, hipHinge, jumpingJack, overheadPress, squat } from "./poses-standing";
import { Random } from "./random";
import { proportions } from "./skeleton";

const POSES: Record<ExerciseId, PoseFunction> = {
  squat,
  push_up: pushUp,
  lunge: forwardLunge,
  reverse_lunge: reverseLunge,
  split_squat: splitSquat,
  bicep_curl: bicepCurl,
  overhead_press: overheadPress,
  hip_hinge: hipHinge,
  glute_bridge: gluteBridge,
  plank,
  jumping_jack: jumpingJack,
};

const REP_MS: Record<ExerciseId, number> = {
  squat: 2200,
  push_up: 1800,
  lunge: 2800,
  reverse_lunge: 2800,
  split_squat: 2200,
  bicep_curl: 2000,
  overhead_press: 2000,
  hip_hinge: 2600,
  glute_bridge: 2000,
  plank: 3500,
  jumping_jack: 900,
};

const FLOOR: ReadonlySet<ExerciseId> = new Set(["push_up", "plank", "glute_bridge"]);

/** One planned rep (or, for a plank, one episode of the hold). */
export interface RepPlan {
  faults: FaultId[];
  /** Too little range to count as a rep. */
  partial?: boolean;
}

/** Everything that varies between synthetic recordings. */
export interface SequenceOptions {
  exercise: ExerciseId;
  reps: RepPlan[];
  seed: number;
  fps?: number;
  /** Camera yaw around the person: 0 front, ±45 oblique, ±90 side. */
  yawDeg?: number;
  noise?: number;
  dropoutRate?: number;
  mirrored?: boolean;
  heightM?: number;
  femurScale?: number;
  distanceM?: number;
  /** Include world landmarks (MediaPipe always does). */
  world?: boolean;
  /** No person for a while at the start and end. */
  walkInOut?: boolean;
  /** Chance per frame that the model finds nobody. */
  missingFrameRate?: number;
}

/** A truth window for one planned rep or episode. */
export interface TruthRep {
  startMs: number;
  endMs: number;
  faults: FaultId[];
  partial: boolean;
}

/** A generated recording and what is true about it. */
export interface SyntheticSequence {
  frames: PoseFrame[];
  reps: number;
  partialReps: number;
  windows: TruthRep[];
  /** Per frame (aligned with `frames`): per-frame truth labels, empty when nobody is in view. */
  labels: Record<string, boolean>[];
  view: View;
}

/** Which view a camera yaw gives. */
export function viewOfYaw(yawDeg: number): View {
  const off = (Math.acos(Math.abs(Math.cos((yawDeg * Math.PI) / 180))) * 180) / Math.PI;
  return off < 30 ? "front" : off > 60 ? "side" : "oblique";
}

function randomStyle(rng: Random, femurScale: number): Style {
  return {
    squatTorsoExtraDeg: rng.range(-4, 6) + (femurScale - 1) * 40,
    squatShinDeg: rng.range(28, 36) + (femurScale - 1) * 50,
    squatThighDeg: rng.range(85, 98),
    standingLeanDeg: rng.range(-2, 3),
    stanceM: rng.range(0.3, 0.42),
    bodyLineDeg: rng.range(-3, 3),
    femurScale,
  };
}

interface Segment {
  startMs: number;
  endMs: number;
  plan: RepPlan | null;
  side: 1 | -1;
}

function schedule(options: SequenceOptions, rng: Random): { segments: Segment[]; totalMs: number } {
  const repMs = REP_MS[options.exercise];
  const segments: Segment[] = [];
  let t = rng.range(1200, 1800) + (options.walkInOut ? 1500 : 0);
  let side: 1 | -1 = rng.next() < 0.5 ? 1 : -1;
  for (const plan of options.reps) {
    const duration = repMs * rng.range(0.8, 1.3);
    segments.push({ startMs: t, endMs: t + duration, plan, side });
    if (options.exercise !== "split_squat") side = side === 1 ? -1 : 1;
    const rest = options.exercise === "jumping_jack" ? rng.range(80, 250) : rng.range(300, 1200);
    t += duration + rest;
  }
  return { segments, totalMs: t + 1200 + (options.walkInOut ? 1500 : 0) };
}

function progressAt(exercise: ExerciseId, u: number): { p: number; returning: boolean } {
  if (exercise === "plank") {
    const p = Math.min(1, u / 0.2, (1 - u) / 0.2);
    return { p: Math.max(0, p), returning: u > 0.5 };
  }
  if (u < 0.42) return { p: u / 0.42, returning: false };
  if (u < 0.55) return { p: 1, returning: false };
  return { p: Math.max(0, (1 - u) / 0.45), returning: true };
}

function cameraFor(options: SequenceOptions, rng: Random, heightM: number): CameraSetup {
  const floor = FLOOR.has(options.exercise);
  const lunge = options.exercise.includes("lunge") || options.exercise === "split_squat";
  return {
    yawDeg: options.yawDeg ?? 90,
    distanceM: options.distanceM ?? (floor ? rng.range(2.6, 3.4) : rng.range(2.8, 3.8)),
    heightM: floor ? rng.range(0.4, 0.8) : rng.range(0.8, 1.3),
    target: floor
      ? { x: 0, y: 0.25, z: 0.75 }
      : {
          x: 0,
          y: 0.5 * heightM,
          z: lunge ? 0.25 * heightM * (options.exercise === "reverse_lunge" ? -1 : 1) : 0,
        },
    aspect: rng.next() < 0.7 ? 16 / 9 : 9 / 16,
    verticalFovDeg: 55,
    mirrored: options.mirrored ?? false,
  };
}

/**
 * Generates a landmark recording of one set with known reps and injected faults, as a camera at
 * the given angle would see it through a noisy pose model.
 */
export function generateSequence(options: SequenceOptions): SyntheticSequence {
  const rng = new Random(options.seed);
  const heightM = options.heightM ?? rng.range(1.55, 1.95);
  const femurScale = options.femurScale ?? rng.range(0.92, 1.1);
  const body = proportions(heightM, femurScale, rng.range(0.95, 1.05));
  const style = randomStyle(rng, femurScale);
  const setup = cameraFor(options, rng, heightM);
  const camera = new SyntheticCamera(
    setup,
    { level: options.noise ?? 1, dropoutRate: options.dropoutRate ?? 0.005 },
    rng,
  );
  const { segments, totalMs } = schedule(options, rng);
  const fps = options.fps ?? 30;
  const frames: PoseFrame[] = [];
  const labels: Record<string, boolean>[] = [];
  const absentUntil = options.walkInOut ? 1200 : -1;
  const absentFrom = options.walkInOut ? totalMs - 1000 : Infinity;
  let segmentIndex = 0;
  for (let t = 0; t <= totalMs; t += (1000 / fps) * rng.range(0.92, 1.08)) {
    const tMs = Math.round(t * 10) / 10;
    while (segmentIndex < segments.length && (segments[segmentIndex] as Segment).endMs < tMs) segmentIndex++;
    const segment = segments[segmentIndex];
    const inRep = segment !== undefined && tMs >= segment.startMs;
    const phase = inRep
      ? progressAt(options.exercise, (tMs - segment.startMs) / (segment.endMs - segment.startMs))
      : { p: 0, returning: false };
    const input: PoseInput = {
      body,
      style,
      p: phase.p,
      returning: phase.returning,
      faults: new Set(inRep ? segment.plan?.faults : []),
      partial: inRep ? segment.plan?.partial === true : false,
      side: segment?.side ?? segments[segments.length - 1]?.side ?? 1,
      tMs,
    };
    const pose = POSES[options.exercise](input);
    const missing = tMs < absentUntil || tMs > absentFrom || rng.next() < (options.missingFrameRate ?? 0.003);
    if (missing) {
      frames.push({ tMs, landmarks: [], imageAspect: setup.aspect });
      labels.push({});
      continue;
    }
    const captured = camera.capture(landmarkPoints(pose.joints, body), tMs);
    const frame: PoseFrame = { tMs, landmarks: captured.landmarks, imageAspect: setup.aspect };
    if (options.world !== false) frame.worldLandmarks = captured.worldLandmarks;
    frames.push(frame);
    labels.push(pose.labels);
  }
  const plans = options.reps;
  return {
    frames,
    reps: options.exercise === "plank" ? 0 : plans.filter((r) => !r.partial).length,
    partialReps: plans.filter((r) => r.partial).length,
    windows: segments.map((s) => ({
      startMs: s.startMs,
      endMs: s.endMs,
      faults: s.plan?.faults ?? [],
      partial: s.plan?.partial === true,
    })),
    labels,
    view: viewOfYaw(setup.yawDeg),
  };
}
