import { act } from "react";
import { describe, expect, it } from "vitest";
import type { FrameVerdict, RepResult, SetSummary } from "../../../shared/form";
import { faultSpec } from "../../../shared/form/labels";
import { SetSummaryView } from "./SetSummaryView";
import { mountEachTest } from "../../testing/test-root";

const view = mountEachTest();

const sagMetric = faultSpec("push_up", "hips_sag")!.metric;

const rep = (index: number, faults: RepResult["faults"]): RepResult => ({
  index,
  startMs: index * 2000,
  endMs: index * 2000 + 1800,
  partial: false,
  tempoMs: { away: 700, end: 100, return: 700, start: 300 },
  romRatio: 0.95,
  peakAngles: {},
  faults,
  score: faults.length ? 70 : 95,
  scoreBreakdown: {},
});

const summary: SetSummary = {
  exerciseId: "push_up",
  reps: 2,
  partialReps: 0,
  repResults: [rep(0, []), rep(1, [{ id: "hips_sag", severity: 0.7 }])],
  faultCounts: { hips_sag: 1 },
  averageScore: 83,
  heldFaults: [],
};

const sagging = (tMs: number, value: number): FrameVerdict => ({
  tMs,
  phase: "away",
  reps: 1,
  partialReps: 0,
  faults: ["hips_sag"],
  unjudged: [],
  confidence: 1,
  metrics: { [sagMetric]: value },
  cues: [],
});

describe("SetSummaryView", () => {
  it("numbers reps from 1 and says each fault in words, with what it measured and the limit", () => {
    const verdicts = [sagging(2500, -13.2), sagging(2700, -17.8)];
    act(() => view.root.render(<SetSummaryView summary={summary} verdicts={verdicts} />));
    const rows = [...view.host.querySelectorAll("tbody tr")].map((tr) => tr.querySelector("td")?.textContent);
    expect(rows).toEqual(["1", "2"]);
    const text = view.host.textContent ?? "";
    expect(text).toContain("Hips sagging ×1");
    expect(text).toMatch(/Hips 18° below the shoulder–ankle line; the limit is [\d.]+° below/);
    expect(text).not.toMatch(/hips_sag|_/);
  });

  it("names a fault held through the set even when no finished rep carries it", () => {
    const plankLike: SetSummary = {
      ...summary,
      repResults: [],
      reps: 0,
      faultCounts: {},
      heldFaults: ["hips_sag"],
    };
    act(() => view.root.render(<SetSummaryView summary={plankLike} verdicts={[sagging(500, -15.4)]} />));
    expect(view.host.textContent).toMatch(/Held through the set.*Hips sagging.*Hips 15° below/);
  });
});
