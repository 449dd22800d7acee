import { describe, expect, it } from "vitest";
import { SteadyArm } from "./steady-arm";

/** Feeds 30 frames a second: `left(i)` and `right(i)` are each arm's hand height on frame i. */
function run(
  frames: number,
  left: (i: number) => number | undefined,
  right: (i: number) => number | undefined,
) {
  const arm = new SteadyArm();
  const out: (number | undefined)[] = [];
  for (let i = 0; i < frames; i++) {
    const lifts: { left?: number; right?: number } = {};
    const l = left(i);
    const r = right(i);
    if (l !== undefined) lifts.left = l;
    if (r !== undefined) lifts.right = r;
    out.push(arm.lift(lifts, (i * 1000) / 30));
  }
  return out;
}

describe("SteadyArm: whose hand height a press is read from", () => {
  it("both arms seen and agreeing: their mean", () => {
    const out = run(
      30,
      (i) => 0.3 + i * 0.02,
      (i) => 0.32 + i * 0.02,
    );
    expect(out.at(-1)).toBeCloseTo(0.3 + 29 * 0.02 + 0.01, 5);
  });

  it("a hidden arm whose reading jumps frame to frame: the smooth arm alone", () => {
    // The near hand rests at the shoulders (0.3); the far one is guessed, from well below to above.
    // From the first frame the far hand strays, the press reads within 0.05 of the near hand.
    const near = (v: number | undefined) => v !== undefined && Math.abs(v - 0.3) <= 0.05;
    const out = run(
      45,
      () => 0.3,
      (i) => (i % 2 ? -0.7 : 0.4),
    );
    expect(out.slice(1).every(near)).toBe(true);
    // The same with the sides swapped.
    const swapped = run(
      45,
      (i) => (i % 2 ? -0.7 : 0.4),
      () => 0.3,
    );
    expect(swapped.slice(1).every(near)).toBe(true);
  });

  it("two steady arms at different heights (one hand up, one resting): still their mean", () => {
    const out = run(
      30,
      () => 0.9,
      () => 0.2,
    );
    expect(out.at(-1)).toBeCloseTo(0.55, 5);
  });

  it("one arm seen: that arm; none: nothing", () => {
    expect(
      run(
        5,
        () => 0.6,
        () => undefined,
      ).at(-1),
    ).toBe(0.6);
    expect(
      run(
        5,
        () => undefined,
        () => undefined,
      ).at(-1),
    ).toBeUndefined();
  });
});
