import { describe, expect, it, vi } from "vitest";
import { LANDMARK_COUNT, LM, type PoseFrame } from "../pose/index";
import { createFormEngine } from "./engine";
import { EXERCISES } from "./exercises";
import { runSequence } from "./testing/run";
import type { ExerciseId, FaultId } from "./types";

// Each case generates and judges a whole synthetic set; allow for a busy machine.
vi.setConfig({ testTimeout: 30_000 });

/** Per exercise, a camera yaw from which each fault can be judged. */
const CASES: { exercise: ExerciseId; yawDeg: number; faults: FaultId[] }[] = [
  { exercise: "squat", yawDeg: 80, faults: ["shallow_depth", "forward_lean", "heels_rise"] },
  { exercise: "squat", yawDeg: 10, faults: ["knee_valgus", "asymmetry", "shallow_depth"] },
  { exercise: "push_up", yawDeg: -85, faults: ["hips_sag", "hips_pike", "partial_range"] },
  { exercise: "push_up", yawDeg: 15, faults: ["elbow_flare", "partial_range"] },
  { exercise: "lunge", yawDeg: 85, faults: ["knee_over_toe", "torso_lean"] },
  { exercise: "reverse_lunge", yawDeg: -80, faults: ["knee_over_toe", "torso_lean"] },
  { exercise: "split_squat", yawDeg: 10, faults: ["knee_valgus", "torso_lean"] },
  { exercise: "bicep_curl", yawDeg: 90, faults: ["lean_back", "elbow_drift", "partial_range"] },
  { exercise: "bicep_curl", yawDeg: 0, faults: ["lean_back", "partial_range"] },
  { exercise: "overhead_press", yawDeg: 80, faults: ["lumbar_extension", "incomplete_lockout"] },
  { exercise: "hip_hinge", yawDeg: -90, faults: ["rounded_back", "hips_rise_early"] },
  { exercise: "glute_bridge", yawDeg: 90, faults: ["partial_range"] },
  { exercise: "jumping_jack", yawDeg: 0, faults: ["partial_range"] },
];

describe.each(CASES)("$exercise seen from $yawDeg°", ({ exercise, yawDeg, faults }) => {
  const reps = [{ faults: [] }, ...faults.map((f) => ({ faults: [f] })), { faults: [] }];
  const run = runSequence({ exercise, reps, seed: 11, yawDeg, noise: 1 });

  it("counts every rep exactly", () => {
    expect(run.summary.reps).toBe(reps.length);
  });

  it.each(faults)("reports %s on the rep it was injected in, and only there", (fault) => {
    const flagged = run.matched.map(({ rep }) => rep?.faults.some((f) => f.id === fault) ?? false);
    expect(flagged).toEqual(run.matched.map(({ truth }) => truth.faults.includes(fault)));
  });

  it("scores clean reps above faulty ones", () => {
    const scores = (clean: boolean) =>
      run.matched
        .filter(({ truth }) => (truth.faults.length === 0) === clean)
        .map(({ rep }) => rep?.score ?? 0);
    expect(Math.min(...scores(true))).toBeGreaterThan(Math.max(...scores(false)));
  });
});

describe("partial reps", () => {
  it("are counted apart from full ones", () => {
    const run = runSequence({
      exercise: "squat",
      reps: [{ faults: [] }, { faults: [], partial: true }, { faults: [] }],
      seed: 5,
      yawDeg: 45,
    });
    expect([run.summary.reps, run.summary.partialReps]).toEqual([2, 1]);
  });
});

describe("plank", () => {
  const run = runSequence({
    exercise: "plank",
    reps: [{ faults: [] }, { faults: ["hips_sag"] }, { faults: [] }, { faults: ["hips_high"] }],
    seed: 3,
    yawDeg: 90,
  });

  it("times the hold and the part of it in good form", () => {
    const { holdMs = 0, goodFormHoldMs = 0 } = run.summary;
    const lastMs = run.sequence.frames.at(-1)?.tMs ?? 0;
    expect(holdMs).toBeGreaterThan(0.9 * lastMs);
    expect(goodFormHoldMs).toBeLessThan(holdMs - 1000);
    expect(goodFormHoldMs).toBeGreaterThan(holdMs / 2);
  });

  it("flags sagging and high hips on the frames where they happen", () => {
    let agree = 0;
    run.sequence.labels.forEach((labels, i) => {
      const faults = run.verdicts[i]?.faults ?? [];
      if (
        faults.includes("hips_sag") === labels.hips_sag &&
        faults.includes("hips_high") === labels.hips_high
      ) {
        agree++;
      }
    });
    expect(agree / run.sequence.labels.length).toBeGreaterThan(0.95);
  });
});

describe("abstaining", () => {
  const standing = runSequence({
    exercise: "squat",
    reps: [{ faults: [] }],
    seed: 2,
    yawDeg: 80,
    noise: 0.5,
  });

  it("says nobody is there for an empty frame", () => {
    const engine = createFormEngine("squat");
    const verdict = engine.push({ tMs: 0, landmarks: [] });
    expect(verdict.phase).toBeUndefined();
    expect(verdict.reason).toBe("no_person");
  });

  it("says the view is too poor when the legs cannot be seen", () => {
    const engine = createFormEngine("squat");
    const legs: number[] = [LM.leftHip, LM.rightHip, LM.leftKnee, LM.rightKnee, LM.leftAnkle, LM.rightAnkle];
    const hide = (frame: PoseFrame): PoseFrame => ({
      ...frame,
      landmarks: frame.landmarks.map((l, i) => (legs.includes(i) ? { ...l, visibility: 0 } : l)),
    });
    const verdicts = standing.sequence.frames
      .filter((f) => f.landmarks.length === LANDMARK_COUNT)
      .map((f) => engine.push(hide(f)));
    expect(verdicts.every((v) => v.phase === undefined && v.reason === "low_visibility")).toBe(true);
  });

  it("keeps judging what it can and lists what the view does not allow", () => {
    const last = standing.verdicts.filter((v) => v.phase !== undefined).at(-1);
    expect(last?.view).toBe("side");
    expect(last?.unjudged).toEqual(expect.arrayContaining(["knee_valgus", "asymmetry"]));
    expect(last?.unjudged).not.toContain("forward_lean");
  });

  it("counts on after the person walks out of view and back", () => {
    const run = runSequence({
      exercise: "squat",
      reps: [{ faults: [] }, { faults: [] }, { faults: [] }],
      seed: 9,
      yawDeg: 45,
      walkInOut: true,
      missingFrameRate: 0.05,
    });
    expect(run.summary.reps).toBe(3);
    expect(run.verdicts[0]?.reason).toBe("no_person");
  });
});

describe("mirrored camera", () => {
  it.each([true, false])("counts the same and finds the same faults (engine told: %s)", (told) => {
    const reps = [{ faults: [] }, { faults: ["lean_back" as const] }, { faults: [] }];
    const run = runSequence(
      { exercise: "bicep_curl", reps, seed: 4, yawDeg: 70, mirrored: true },
      { mirrored: told },
    );
    expect(run.summary.reps).toBe(3);
    expect(run.summary.faultCounts.lean_back).toBe(1);
  });
});

describe("exercise definitions", () => {
  it("give every fault a short cue", () => {
    for (const def of Object.values(EXERCISES)) {
      for (const fault of def.faults) expect(fault.cue.split(" ").length).toBeLessThanOrEqual(6);
    }
  });
});
