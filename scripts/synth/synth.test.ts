import { describe, expect, it } from "vitest";
import { scoreDetections } from "./check-with-mediapipe.ts";
import { parseCliArgs } from "./cli-args.ts";
import { limbEnd, outward, turnForWidth } from "./exercises/limb.ts";
import { EXERCISE_MODELS } from "./exercises/index.ts";
import { twoLink, type Segments } from "./exercises/posture.ts";
import { normalizeParams, paramsHash, parseFaultSpec, SynthParamsError } from "./params.ts";
import { angleAtDeg, cameraFor, projectPoint, type CameraSpec } from "./projection.ts";
import { frameTimeline, repSchedule, resampleIndices } from "./schedule.ts";
import type { Fault, SynthTruth, TruthLandmark } from "./types.ts";

const SEGMENTS: Segments = {
  thighM: 0.42,
  shankM: 0.4,
  upperArmM: 0.3,
  forearmM: 0.27,
  torsoM: 0.55,
  ankleHeightM: 0.08,
};

describe("params", () => {
  it("hashes equal params to the same key whatever the key order", () => {
    const a = normalizeParams({ exercise: "squat", reps: 3, view: "front" });
    const b = normalizeParams({ view: "front", reps: 3, exercise: "squat" });
    expect(paramsHash(a)).toBe(paramsHash(b));
  });

  it("gives a different cache key when any parameter changes", () => {
    const base = normalizeParams({});
    const keys = new Set([
      paramsHash(base),
      paramsHash(normalizeParams({ reps: 4 })),
      paramsHash(normalizeParams({ faults: { 1: ["knee_valgus"] } })),
      paramsHash(normalizeParams({ figure: { colors: { shirt: "#aa0000" } } })),
    ]);
    expect(keys.size).toBe(4);
  });

  it("rejects a fault the exercise does not have, or one on a rep that does not exist", () => {
    expect(() => normalizeParams({ exercise: "squat", faults: { 1: ["hips_sag"] } })).toThrow(
      SynthParamsError,
    );
    expect(() => normalizeParams({ reps: 2, faults: { 3: ["knee_valgus"] } })).toThrow(/not in 1..2/);
  });

  it("parses the CLI fault list, several faults per rep joined by +", () => {
    expect(parseFaultSpec("2:knee_valgus,3:forward_lean+shallow_depth")).toEqual({
      2: ["knee_valgus"],
      3: ["forward_lean", "shallow_depth"],
    });
  });
});

describe("rep schedule", () => {
  const timing = { reps: 3, tempoS: 2, leadInS: 1, leadOutS: 0.5, jitter: 0, seed: 1, fps: 30 };

  it("lays reps end to end after the lead-in, one tempo each", () => {
    const reps = repSchedule(timing);
    expect(reps.map((r) => [r.startMs, r.endMs])).toEqual([
      [1000, 3000],
      [3000, 5000],
      [5000, 7000],
    ]);
    for (const rep of reps) expect(rep.bottomMs).toBeGreaterThan(rep.startMs);
  });

  it("has one frame per period over lead-in, reps and lead-out, at exact frame times", () => {
    const { frames } = frameTimeline(timing);
    expect(frames).toHaveLength(225);
    expect(frames[45]?.tMs).toBeCloseTo(1500, 9);
  });

  it("is at the top outside reps and at the bottom at each rep bottom", () => {
    const { frames, reps } = frameTimeline(timing);
    expect(frames[0]).toMatchObject({ rep: 0, phase: "setup", progress: 0 });
    for (const rep of reps) {
      const bottom = frames.find((f) => f.tMs >= rep.bottomMs);
      expect(bottom).toMatchObject({ rep: rep.rep, phase: "bottom", progress: 1 });
    }
  });

  it("varies rep lengths with jitter, the same way for the same seed", () => {
    const lengths = (seed: number) =>
      repSchedule({ ...timing, jitter: 0.2, seed }).map((r) => Math.round(r.endMs - r.startMs));
    expect(lengths(7)).toEqual(lengths(7));
    expect(lengths(7)).not.toEqual(lengths(8));
    for (const ms of lengths(7)) expect(Math.abs(ms - 2000)).toBeLessThanOrEqual(400);
  });

  it("repeats frames to fill Chromium’s fixed 30 fps fake camera", () => {
    expect(resampleIndices(4, 15, 30)).toEqual([0, 1, 1, 2, 2, 3, 3, 3]);
    expect(resampleIndices(90, 30, 30)).toEqual(Array.from({ length: 90 }, (_, i) => i));
  });
});

describe("projection", () => {
  const camera: CameraSpec = { position: [0, 1, 4], target: [0, 1, 0], fovDeg: 40 };

  it("puts the look-at target in the image centre at its distance", () => {
    expect(projectPoint([0, 1, 0], camera, 640, 480)).toEqual({ x: 0.5, y: 0.5, depthM: 4 });
  });

  it("puts a point on the upper edge of the field of view on the top row", () => {
    const upM = 4 * Math.tan((20 * Math.PI) / 180);
    expect(projectPoint([0, 1 + upM, 0], camera, 640, 480).y).toBeCloseTo(0, 9);
  });

  it("maps world +x to image right when looking down -z, scaled by the aspect ratio", () => {
    const rightM = 4 * Math.tan((20 * Math.PI) / 180);
    expect(projectPoint([rightM, 1, 0], camera, 640, 480).x).toBeCloseTo(0.5 + 0.5 / (640 / 480), 9);
  });

  it("frames the figure from its side for the side view and from its front for the front view", () => {
    const figure = normalizeParams({}).figure;
    const side = cameraFor({ exercise: "squat", view: "side", distanceM: 3, cameraHeightM: 1, figure });
    const front = cameraFor({ exercise: "squat", view: "front", distanceM: 3, cameraHeightM: 1, figure });
    expect(side.position[0]).toBeCloseTo(3, 9);
    expect(front.position[2]).toBeCloseTo(3, 9);
  });

  it("measures a right angle as 90 degrees and a straight joint as 180", () => {
    expect(angleAtDeg([0, 1, 0], [0, 0, 0], [1, 0, 0])).toBeCloseTo(90, 9);
    expect(angleAtDeg([0, 1, 0], [0, 0, 0], [0, -1, 0])).toBeCloseTo(180, 9);
  });
});

describe("kinematics", () => {
  it("solves a two-link limb that reaches its target", () => {
    const target = { forwardM: 0.3, downM: 0.5 };
    const { firstFromDownDeg, bendDeg } = twoLink(target, 0.42, 0.4);
    const first = (firstFromDownDeg * Math.PI) / 180;
    const second = first - (bendDeg * Math.PI) / 180;
    expect(0.42 * Math.sin(first) + 0.4 * Math.sin(second)).toBeCloseTo(target.forwardM, 6);
    expect(0.42 * Math.cos(first) + 0.4 * Math.cos(second)).toBeCloseTo(target.downM, 6);
  });

  it("keeps a foot at the asked width by turning the thigh, whatever the knee does", () => {
    for (const straddleDeg of [0, 10, 20]) {
      const leg = { raiseDeg: 120, straddleDeg, bendDeg: 110 };
      const turnDeg = turnForWidth(leg, -1, 0.42, 0.4, 0.14);
      expect(outward(limbEnd({ ...leg, turnDeg }, -1, 0.42, 0.4).end, -1)).toBeCloseTo(0.14, 4);
    }
  });
});

describe("exercise models", () => {
  const at = (
    exercise: "squat" | "push_up" | "lunge" | "bicep_curl",
    progress: number,
    faults: Fault[] = [],
  ) => EXERCISE_MODELS[exercise].pose({ progress, depth: 1, faults, segments: SEGMENTS }).joints;

  it("bends the knees in a squat and less when the rep is shallow", () => {
    const full = at("squat", 1).l_knee?.bend ?? 0;
    expect(full).toBeGreaterThan(at("squat", 0).l_knee?.bend ?? 0);
    expect(at("squat", 1, ["shallow_depth"]).l_knee?.bend ?? 0).toBeLessThan(full * 0.6);
  });

  it("caves the knees in (less hip straddle) only in reps with knee valgus", () => {
    expect(at("squat", 1, ["knee_valgus"]).l_leg?.straddle).toBeLessThan(at("squat", 1).l_leg?.straddle ?? 0);
  });

  it("bends the elbows at the bottom of a push-up and at the top of a curl", () => {
    expect(at("push_up", 1).l_elbow?.bend ?? 0).toBeGreaterThan((at("push_up", 0).l_elbow?.bend ?? 0) + 60);
    expect(at("bicep_curl", 1).l_elbow?.bend ?? 0).toBeGreaterThan(
      (at("bicep_curl", 0).l_elbow?.bend ?? 0) + 90,
    );
  });

  it("extends the hips in a push-up with hips sag", () => {
    expect(at("push_up", 0.5, ["hips_sag"]).l_leg?.raise ?? 0).toBeLessThan(
      at("push_up", 0.5).l_leg?.raise ?? 0,
    );
  });

  it("reports the depth a rep really reaches", () => {
    expect(EXERCISE_MODELS.squat.repDepth(1, ["shallow_depth"])).toBeLessThan(0.5);
    expect(EXERCISE_MODELS.push_up.repDepth(1, [])).toBe(1);
  });
});

describe("scoring MediaPipe against the truth", () => {
  const landmark = (x: number, y: number): TruthLandmark => ({ x, y, depthM: 3, visibility: 1 });
  const truth = {
    width: 640,
    height: 480,
    frames: [0, 1].map((index) => ({
      index,
      landmarks: Array.from({ length: 33 }, () => landmark(0.5, 0.5)),
    })),
  } as unknown as SynthTruth;

  it("scores perfect detections as zero error and counts misses against the detection rate", () => {
    const perfect = Array.from({ length: 33 }, () => ({ x: 0.5, y: 0.5, visibility: 1 }));
    const report = scoreDetections(truth, [
      { index: 0, landmarks: perfect },
      { index: 1, landmarks: null },
    ]);
    expect(report.detectionRate).toBe(0.5);
    expect(report.meanError).toBe(0);
  });

  it("notices when the model swaps left and right", () => {
    const mirrored = {
      ...truth,
      frames: [
        {
          index: 0,
          landmarks: Array.from({ length: 33 }, (_, i) => landmark(i % 2 === 1 ? 0.6 : 0.4, 0.5)),
        },
      ],
    } as unknown as SynthTruth;
    const swapped = Array.from({ length: 33 }, (_, i) => ({
      x: i % 2 === 1 ? 0.4 : 0.6,
      y: 0.5,
      visibility: 1,
    }));
    const report = scoreDetections(mirrored, [{ index: 0, landmarks: swapped }]);
    expect(report.sideSwapRate).toBe(1);
    expect(report.meanErrorSidesFree).toBeCloseTo(0, 9);
    expect(report.meanError).toBeGreaterThan(0.2);
  });

  it("measures error in image-height units", () => {
    const shifted = Array.from({ length: 33 }, () => ({ x: 0.5, y: 0.6, visibility: 1 }));
    expect(scoreDetections(truth, [{ index: 0, landmarks: shifted }]).meanError).toBeCloseTo(0.1, 9);
  });
});

describe("command line", () => {
  it("turns the documented example into generator params", () => {
    const cli = parseCliArgs([
      "--exercise",
      "squat",
      "--reps",
      "3",
      "--faults",
      "2:knee_valgus",
      "--view",
      "side",
      "--out",
      "/tmp/x",
    ]);
    expect(cli.out).toBe("/tmp/x");
    expect(normalizeParams(cli.params)).toMatchObject({
      exercise: "squat",
      reps: 3,
      view: "side",
      faults: { 2: ["knee_valgus"] },
    });
  });

  it("reads size, figure and timing options", () => {
    const { params } = parseCliArgs([
      "--size",
      "320x240",
      "--sex",
      "female",
      "--height",
      "1.6",
      "--tempo",
      "2",
      "--fps",
      "24",
    ]);
    expect(normalizeParams(params)).toMatchObject({
      width: 320,
      height: 240,
      tempoS: 2,
      fps: 24,
      figure: { sex: "female", heightM: 1.6 },
    });
  });

  it("refuses a non-numeric number", () => {
    expect(() => parseCliArgs(["--reps", "three"])).toThrow(SynthParamsError);
  });
});
