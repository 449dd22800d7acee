import type { ExerciseModel } from "./exercises/posture.ts";
import { jointAngles, projectPoint, type CameraSpec } from "./projection.ts";
import type { FrameTiming, RepTiming } from "./schedule.ts";
import {
  LANDMARK_NAMES,
  type SynthParams,
  type TruthFrame,
  type TruthLandmark,
  type TruthRep,
  type Vec3,
} from "./types.ts";

type WorldPoints = Partial<Record<(typeof LANDMARK_NAMES)[number], Vec3>>;

/** Projects every landmark; any the figure could not place gets visibility 0. */
export function projectLandmarks(
  world: WorldPoints,
  camera: CameraSpec,
  width: number,
  height: number,
): { landmarks: TruthLandmark[]; worldM: Vec3[] } {
  const landmarks: TruthLandmark[] = [];
  const worldM: Vec3[] = [];
  for (const name of LANDMARK_NAMES) {
    const point = world[name];
    if (!point) {
      landmarks.push({ x: 0, y: 0, depthM: 0, visibility: 0 });
      worldM.push([0, 0, 0]);
      continue;
    }
    const projected = projectPoint(point, camera, width, height);
    landmarks.push({ ...projected, visibility: 1 });
    worldM.push(point);
  }
  return { landmarks, worldM };
}

export function truthFrame(
  timing: FrameTiming,
  world: Required<WorldPoints>,
  camera: CameraSpec,
  params: Pick<SynthParams, "width" | "height">,
): TruthFrame {
  return {
    ...timing,
    ...projectLandmarks(world, camera, params.width, params.height),
    angles: jointAngles(world),
  };
}

/** Rep summaries: timing from the schedule, depth from the model, key angle from the rendered frames. */
export function truthReps(
  reps: RepTiming[],
  frames: TruthFrame[],
  model: ExerciseModel,
  params: Pick<SynthParams, "depth" | "faults">,
): TruthRep[] {
  return reps.map((timing) => {
    const faults = params.faults[timing.rep] ?? [];
    const inRep = frames.filter((f) => f.rep === timing.rep);
    const angle = (f: TruthFrame) =>
      model.keyAngle === "kneeLeft" ? f.angles.leftKneeDeg : f.angles.leftElbowDeg;
    const keyAngleDeg = inRep.length ? Math.min(...inRep.map(angle)) : Number.NaN;
    return { ...timing, depth: model.repDepth(params.depth, faults), keyAngleDeg, faults: [...faults] };
  });
}
