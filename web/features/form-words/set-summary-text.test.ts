import { describe, expect, it } from "vitest";
import type { RepResult, SetSummary } from "../../../shared/form";
import { setSummaryText } from "./set-summary-text";

const rep = (index: number, score: number, faults: RepResult["faults"], partial = false): RepResult => ({
  index,
  startMs: index * 2000,
  endMs: index * 2000 + 1800,
  partial,
  tempoMs: { away: 700, end: 100, return: 700, start: 300 },
  romRatio: 0.95,
  peakAngles: {},
  faults,
  score,
  scoreBreakdown: {},
});

describe("a set summary as text", () => {
  it("names the exercise, reps, score and each full rep's faults in words, never ids", () => {
    const summary: SetSummary = {
      exerciseId: "push_up",
      reps: 2,
      partialReps: 1,
      repResults: [rep(0, 94.6, []), rep(1, 70.2, [{ id: "hips_sag", severity: 0.7 }]), rep(2, 40, [], true)],
      faultCounts: { hips_sag: 1 },
      averageScore: 82.4,
      heldFaults: [],
    };
    const text = setSummaryText(summary);
    expect(text.split("\n")).toEqual([
      "Push-up: 2 reps, 1 partial, form score 82",
      "Rep 1: 95",
      "Rep 2: 70 (hips sagging)",
      "Coached by Spotter",
    ]);
    expect(text).not.toMatch(/hips_sag|push_up/);
  });
});
