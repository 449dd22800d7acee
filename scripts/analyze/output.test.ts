import { describe, expect, it } from "vitest";
import { EXERCISES, type SetSummary } from "../../shared/form/index.ts";
import { humanReport } from "./output.ts";

const set: SetSummary = {
  exerciseId: "bicep_curl",
  reps: 1,
  partialReps: 0,
  repResults: [
    {
      index: 0,
      startMs: 1000,
      endMs: 3000,
      partial: false,
      tempoMs: { away: 800, end: 200, return: 800, start: 200 },
      romRatio: 0.72,
      peakAngles: {},
      faults: [{ id: "partial_range", severity: 0.7 }],
      score: 60,
      scoreBreakdown: {},
    },
  ],
  faultCounts: { partial_range: 1 },
  averageScore: 60,
  heldFaults: [],
};

describe("humanReport", () => {
  it("names the exercise and each fault in words, with why it was called", () => {
    const text = humanReport({
      input: "curl.jsonl",
      kind: "landmarks",
      frames: 60,
      framesWithPerson: 60,
      timings: {},
      set,
    });
    expect(text).toContain(`${EXERCISES.bicep_curl.name}: 1 rep(s)`);
    expect(text).toMatch(/rep 1: .*, Not curled all the way up\n/);
    expect(text).toMatch(
      / {4}Not curled all the way up: Range of motion fell short of [\d.]+% of full range\./,
    );
    expect(text).not.toMatch(/bicep_curl|partial_range/);
  });
});
