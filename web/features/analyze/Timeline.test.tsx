import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import type { RepResult } from "../../../shared/form";
import { mountEachTest } from "../../testing/test-root";
import type { FormReview } from "./judge-frames";
import type { AnalysisFrame } from "./run-analysis";
import { Timeline } from "./Timeline";

const view = mountEachTest();

const frame = (tMs: number): AnalysisFrame => ({
  tMs,
  landmarks: [],
  worldLandmarks: [],
  imageAspect: 1,
  presence: null,
});

const rep = (index: number, startMs: number, endMs: number, score: number): RepResult => ({
  index,
  startMs,
  endMs,
  partial: false,
  tempoMs: { away: 700, end: 100, return: 700, start: 300 },
  romRatio: 0.95,
  peakAngles: {},
  faults: [],
  score,
  scoreBreakdown: {},
});

const review = {
  exerciseId: "squat",
  verdicts: [],
  chartMetric: "progress",
  summary: {
    exerciseId: "squat",
    reps: 2,
    partialReps: 0,
    repResults: [rep(0, 1000, 3000, 91), rep(1, 4000, 6000, 72)],
    faultCounts: {},
    averageScore: 81.5,
    heldFaults: [],
  },
} satisfies FormReview;

const frames = Array.from({ length: 71 }, (_, i) => frame(i * 100));

function render(currentMs: number, onSeek: (tMs: number) => void) {
  act(() =>
    view.root.render(
      <Timeline frames={frames} review={review} durationMs={7000} currentMs={currentMs} onSeek={onSeek} />,
    ),
  );
  return view.host.querySelector<SVGSVGElement>('[role="slider"]')!;
}

const press = (el: Element, key: string) =>
  act(() => {
    el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  });

describe("the Analyze timeline by keyboard", () => {
  it("is a focusable slider that says where the playhead is, in time and rep", () => {
    const slider = render(1500, () => {});
    expect(slider.getAttribute("tabindex")).toBe("0");
    expect(slider.getAttribute("aria-valuetext")).toBe("0:01.5 of 0:07.0, rep 1 of 2, score 91");
  });

  it("moves the playhead a frame, a second, a rep and to the ends, each key from where the last went", () => {
    const onSeek = vi.fn();
    const slider = render(1500, onSeek);
    for (const key of ["ArrowRight", "ArrowLeft", "ArrowUp", "PageDown", "PageUp", "End", "Home"]) {
      press(slider, key);
    }
    // The video has not reported a new time in between (onSeek is a mock): keys build on each other.
    expect(onSeek.mock.calls.map(([tMs]) => tMs)).toEqual([1600, 1500, 2500, 4000, 1000, 7000, 0]);
  });

  it("leaves Tab to move focus on", () => {
    const onSeek = vi.fn();
    press(render(1500, onSeek), "Tab");
    expect(onSeek).not.toHaveBeenCalled();
  });
});
