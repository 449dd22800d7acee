import { act } from "react";
import { describe, expect, it } from "vitest";
import type { FaultId, FrameVerdict, RepResult } from "../../../shared/form";
import { faultSpec } from "../../../shared/form/labels";
import { RepTable } from "./RepTable";
import { mountEachTest } from "../../testing/test-root";

const view = mountEachTest();

const leanMetric = faultSpec("lunge", "torso_lean")!.metric;

const rep: RepResult = {
  index: 0,
  startMs: 1000,
  endMs: 2500,
  partial: false,
  tempoMs: { away: 600, end: 200, return: 600, start: 100 },
  romRatio: 0.93,
  peakAngles: { frontKneeDeg: 91.6, torsoLeanDeg: 44.2 },
  faults: [{ id: "torso_lean", severity: 0.8 }],
  score: 72,
  scoreBreakdown: {},
};

const verdict = (tMs: number, value: number, faults: FaultId[]): FrameVerdict => ({
  tMs,
  phase: "end",
  reps: 0,
  partialReps: 0,
  faults,
  unjudged: [],
  confidence: 1,
  metrics: { [leanMetric]: value },
  cues: [],
});

describe("RepTable", () => {
  it("shows faults and measurements in words with units, never ids or metric keys", () => {
    const verdicts = [verdict(1500, 30.4, ["torso_lean"]), verdict(1800, 36.7, ["torso_lean"])];
    act(() =>
      view.root.render(<RepTable exerciseId="lunge" reps={[rep]} verdicts={verdicts} onSeek={() => {}} />),
    );
    const text = view.host.textContent ?? "";
    expect(text).toContain("Torso leaning");
    // Why: the worst measured value while the fault was on, and the limit.
    expect(text).toMatch(/Torso lean change from your start 37°; the limit is [\d.]+°\./);
    expect(text).toContain("Front knee angle 92°");
    expect(text).toContain("Torso lean 44°");
    expect(text).not.toMatch(/torso_lean|torsoLean|frontKneeDeg|_/);
  });

  it("says a clean rep had no faults", () => {
    act(() =>
      view.root.render(
        <RepTable exerciseId="lunge" reps={[{ ...rep, faults: [] }]} verdicts={[]} onSeek={() => {}} />,
      ),
    );
    expect(view.host.querySelector("[data-testid=rep-row]")?.textContent).toContain("none");
  });
});
