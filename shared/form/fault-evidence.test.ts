import { describe, expect, it } from "vitest";
import { faultMeasurement } from "./fault-evidence";
import { faultSpec } from "./labels";
import type { Metrics } from "./metric-names";
import type { ExerciseId, FaultId, FrameVerdict, RepResult } from "./types";

// The metric each fault is judged on, read from the definitions so a renamed metric still tests.
const metricOf = (exerciseId: ExerciseId, faultId: FaultId) => faultSpec(exerciseId, faultId)!.metric;
const lean = metricOf("lunge", "torso_lean");
const hipLine = metricOf("push_up", "hips_sag");
const lockout = metricOf("overhead_press", "incomplete_lockout");

const rep = (overrides: Partial<RepResult> = {}): RepResult => ({
  index: 0,
  startMs: 1000,
  endMs: 2000,
  partial: false,
  tempoMs: { away: 400, end: 100, return: 400, start: 100 },
  romRatio: 0.9,
  peakAngles: {},
  faults: [],
  score: 80,
  scoreBreakdown: {},
  ...overrides,
});

const verdict = (tMs: number, metrics: Metrics, faults: FaultId[] = []): FrameVerdict => ({
  tMs,
  phase: "away",
  reps: 0,
  partialReps: 0,
  faults,
  unjudged: [],
  confidence: 1,
  metrics,
  cues: [],
});

describe("faultMeasurement", () => {
  it("a frame fault reports its worst value while it was on, within the rep only", () => {
    const verdicts = [
      verdict(500, { [lean]: 60 }, ["torso_lean"]),
      verdict(1200, { [lean]: 25 }, ["torso_lean"]),
      verdict(1400, { [lean]: 31 }, ["torso_lean"]),
      verdict(1600, { [lean]: 35 }),
      verdict(2500, { [lean]: 50 }, ["torso_lean"]),
    ];
    expect(faultMeasurement("lunge", "torso_lean", rep(), verdicts)).toBe(31);
  });

  it("a fault judged from below reports its lowest value", () => {
    const verdicts = [
      verdict(1100, { [hipLine]: -13 }, ["hips_sag"]),
      verdict(1300, { [hipLine]: -16 }, ["hips_sag"]),
    ];
    expect(faultMeasurement("push_up", "hips_sag", rep(), verdicts)).toBe(-16);
  });

  it("a range fault reports the range the rep reached", () => {
    expect(faultMeasurement("push_up", "partial_range", rep({ romRatio: 0.62 }), [])).toBe(0.62);
  });

  it("a fault read at peak progress reports the value on that frame", () => {
    const verdicts = [
      verdict(1200, { progress: 0.7, [lockout]: 170 }),
      verdict(1500, { progress: 1, [lockout]: 148 }),
      verdict(1800, { progress: 0.5, [lockout]: 120 }),
    ];
    expect(faultMeasurement("overhead_press", "incomplete_lockout", rep(), verdicts)).toBe(148);
  });

  it("over a whole set, reports the worst value of any frame the fault was on", () => {
    const verdicts = [
      verdict(500, { [hipLine]: -9 }, ["hips_sag"]),
      verdict(9000, { [hipLine]: -15 }, ["hips_sag"]),
    ];
    expect(faultMeasurement("push_up", "hips_sag", { startMs: 0, endMs: Infinity }, verdicts)).toBe(-15);
  });

  it("is undefined when no verdict holds the measure", () => {
    expect(faultMeasurement("lunge", "torso_lean", rep(), [])).toBeUndefined();
  });
});
