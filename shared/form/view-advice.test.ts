import { describe, expect, it } from "vitest";
import type { FrameVerdict, View } from "./types";
import { viewAdvice } from "./view-advice";

const frames = (view: View | undefined, n = 10): FrameVerdict[] =>
  Array.from({ length: n }, (_, i) => ({
    tMs: i * 33,
    phase: "start",
    reps: 0,
    partialReps: 0,
    faults: [],
    unjudged: [],
    confidence: 1,
    metrics: {},
    cues: [],
    ...(view ? { view } : {}),
  }));

describe("viewAdvice", () => {
  it("tells a push-up seen from the front to turn side-on for the hips", () => {
    const advice = viewAdvice("push_up", frames("front"));
    expect(advice).toMatch(/^Stand side-on to the camera to have .*hips sagging/i);
    expect(advice).not.toMatch(/_/);
  });

  it("tells a squat seen from the side to face the camera for the knees", () => {
    expect(viewAdvice("squat", frames("side"))).toMatch(/facing the camera to have .*knees/i);
  });

  it("says nothing when the view allows every judgement, or nobody was seen", () => {
    expect(viewAdvice("bicep_curl", frames("side"))).toBeNull();
    expect(viewAdvice("squat", frames(undefined))).toBeNull();
  });

  it("says nothing of a view that was only passing", () => {
    const advice = viewAdvice("push_up", [...frames("side", 8), ...frames("front", 2)]);
    expect(advice).not.toMatch(/hips/i);
    // From the side, elbows flaring out are in depth: that is still worth saying.
    expect(advice).toMatch(/facing the camera to have elbows/i);
  });
});
