import { describe, expect, it } from "vitest";
import { LANDMARK_COUNT, LM, type Landmark, type PoseFrame } from "../pose/index";
import { createFormEngine } from "./engine";
import type { FrameVerdict, SetSummary } from "./types";

// A squat's depth from small hand-made image poses (x right, y down, square frame, no world points),
// as the acted lifter's squats read from the front and from the side (npm run eval:real).

type Point = readonly [number, number];
/** The joints that matter for a squat; the face sits above the shoulders. */
interface Pose {
  shoulders: [Point, Point];
  hips: [Point, Point];
  knees: [Point, Point];
  ankles: [Point, Point];
}

function landmarks(pose: Pose): Landmark[] {
  const at = ([x, y]: Point): Landmark => ({ x, y, z: 0, visibility: 1 });
  const [ls, rs] = pose.shoulders;
  const head: Point = [(ls[0] + rs[0]) / 2, ls[1] - 0.08];
  const out = Array.from({ length: LANDMARK_COUNT }, () => at(head));
  const put = (left: number, right: number, [l, r]: [Point, Point]) => {
    out[left] = at(l);
    out[right] = at(r);
  };
  put(LM.leftShoulder, LM.rightShoulder, pose.shoulders);
  // Arms held out in front, hands at chest height.
  put(LM.leftElbow, LM.rightElbow, [
    [ls[0], ls[1] + 0.05],
    [rs[0], rs[1] + 0.05],
  ]);
  put(LM.leftWrist, LM.rightWrist, [
    [ls[0], ls[1] + 0.02],
    [rs[0], rs[1] + 0.02],
  ]);
  put(LM.leftHip, LM.rightHip, pose.hips);
  put(LM.leftKnee, LM.rightKnee, pose.knees);
  put(LM.leftAnkle, LM.rightAnkle, pose.ankles);
  put(LM.leftHeel, LM.rightHeel, [
    [pose.ankles[0][0], pose.ankles[0][1] + 0.01],
    [pose.ankles[1][0], pose.ankles[1][1] + 0.01],
  ]);
  put(LM.leftFootIndex, LM.rightFootIndex, [
    [pose.ankles[0][0], pose.ankles[0][1] + 0.02],
    [pose.ankles[1][0], pose.ankles[1][1] + 0.02],
  ]);
  return out;
}

const mix = (a: Landmark[], b: Landmark[], t: number): Landmark[] =>
  a.map((p, i) => ({ ...p, x: p.x + t * (b[i]!.x - p.x), y: p.y + t * (b[i]!.y - p.y) }));

/** Three reps at 30 frames a second: stand, 0.5 s down, 0.3 s at the bottom, 0.5 s up. */
function squatSet(
  standing: Pose,
  bottom: Pose,
  startAtBottom = false,
): { summary: SetSummary; verdicts: FrameVerdict[] } {
  const stand = landmarks(standing);
  const deep = landmarks(bottom);
  const frames: PoseFrame[] = [];
  const hold = (lms: Landmark[], n: number) => {
    for (let i = 0; i < n; i++) frames.push({ tMs: Math.round((frames.length * 1000) / 30), landmarks: lms });
  };
  const move = (from: Landmark[], to: Landmark[], n: number) => {
    for (let i = 1; i <= n; i++) hold(mix(from, to, (1 - Math.cos((Math.PI * i) / n)) / 2), 1);
  };
  if (startAtBottom) {
    hold(deep, 15);
    move(deep, stand, 15);
  }
  hold(stand, 45);
  for (let rep = 0; rep < 3; rep++) {
    move(stand, deep, 15);
    hold(deep, 9);
    move(deep, stand, 15);
    hold(stand, 21);
  }
  const engine = createFormEngine("squat");
  const verdicts = frames.map((frame) => engine.push(frame));
  return { summary: engine.summary(), verdicts };
}

const shallowReps = (summary: SetSummary) =>
  summary.repResults.filter((r) => !r.partial && r.faults.some((f) => f.id === "shallow_depth")).length;

/** Facing the camera, thighs 0.2 long, shins 0.2, shoulders wide enough to read as the front. */
const FRONT_STANDING: Pose = {
  shoulders: [
    [0.38, 0.22],
    [0.62, 0.22],
  ],
  hips: [
    [0.45, 0.5],
    [0.55, 0.5],
  ],
  knees: [
    [0.45, 0.7],
    [0.55, 0.7],
  ],
  ankles: [
    [0.45, 0.9],
    [0.55, 0.9],
  ],
};

/**
 * A parallel squat facing the camera: the thighs point at it, each a short stub from the knee up and
 * in to the hip, 0.04 above it (a camera a little above the knees), so the image's knee angle reads
 * 113°, as the acted lifter's parallel squats read 86-111° from the front.
 */
const FRONT_PARALLEL: Pose = {
  shoulders: [
    [0.38, 0.41],
    [0.62, 0.41],
  ],
  hips: [
    [0.45, 0.687],
    [0.55, 0.687],
  ],
  knees: [
    [0.4, 0.727],
    [0.6, 0.727],
  ],
  ankles: FRONT_STANDING.ankles,
};

describe("squat depth", () => {
  it("does not tell a parallel squat seen from the front to sit deeper, though its knees look 113° bent", () => {
    const { summary } = squatSet(FRONT_STANDING, FRONT_PARALLEL);
    expect(summary.reps).toBe(3);
    expect(summary.repResults[0]?.peakAngles.kneeDeg).toBeGreaterThan(105);
    expect(shallowReps(summary)).toBe(0);
  });

  it("still tells a squat whose thighs stop 45° above parallel to sit deeper, seen from the side", () => {
    // Side-on: left and right overlap. Shins lean 20° forward, thighs stop 45° above level.
    const side = (x: number, y: number): [Point, Point] => [
      [x, y],
      [x + 0.01, y],
    ];
    const standing: Pose = {
      shoulders: side(0.5, 0.22),
      hips: side(0.5, 0.5),
      knees: side(0.5, 0.7),
      ankles: side(0.5, 0.9),
    };
    const bottom: Pose = {
      shoulders: side(0.52, 0.32),
      hips: side(0.427, 0.571),
      knees: side(0.568, 0.712),
      ankles: standing.ankles,
    };
    const { summary } = squatSet(standing, bottom);
    expect(summary.reps).toBe(3);
    expect(shallowReps(summary)).toBe(3);
  });

  it("reads the thighs' angle above parallel alike from the front, where the knee angle cannot", () => {
    // The same shallow bottom as from the side, facing the camera: hips 0.141 over the knees.
    // The image's knee barely bends (159°), so the counter sees no rep here: too shallow to count.
    const bottom: Pose = {
      shoulders: [
        [0.38, 0.3],
        [0.62, 0.3],
      ],
      hips: [
        [0.45, 0.571],
        [0.55, 0.571],
      ],
      knees: [
        [0.42, 0.712],
        [0.58, 0.712],
      ],
      ankles: FRONT_STANDING.ankles,
    };
    const { summary, verdicts } = squatSet(FRONT_STANDING, bottom);
    const deepest = Math.min(...verdicts.map((v) => v.metrics.thighAboveParallelDeg ?? Infinity));
    expect(deepest).toBeGreaterThan(40);
    expect(deepest).toBeLessThan(50);
    expect(summary.reps).toBe(0);
  });

  it("says the depth cannot be judged at a bottom before the person was seen standing", () => {
    const { verdicts } = squatSet(FRONT_STANDING, FRONT_PARALLEL, true);
    const unjudged = (v: FrameVerdict | undefined) => v?.unjudged.includes("shallow_depth");
    // The set begins at the bottom: no standing thigh to measure against yet.
    expect(unjudged(verdicts[10])).toBe(true);
    // The later reps' bottoms, after standing, are judged.
    const laterBottoms = verdicts.slice(90).filter((v) => (v.metrics.progress ?? 0) > 0.7);
    expect(laterBottoms.length).toBeGreaterThan(0);
    expect(laterBottoms.every((v) => !unjudged(v))).toBe(true);
  });
});
