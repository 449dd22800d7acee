import { describe, expect, it } from "vitest";
import type { Landmark } from "../../../shared/pose";
import { chooseSeam, planSplit, stitch, type StitchFrame } from "./split-analysis";

const at30fps = (seconds: number) =>
  Array.from({ length: seconds * 30 }, (_, i) => Math.round((i * 1e6) / 30) / 1000);

function pose(x: number): Landmark[] {
  return Array.from({ length: 33 }, (_, i) => ({ x, y: i / 33, z: 0, visibility: 1 }));
}

interface Tagged extends StitchFrame {
  from: "first" | "second";
}

/** What a worker returns for frames [from, to) of `times`, each pose at `xAt(t)`. */
function part(
  times: number[],
  range: { fromMs: number; toMs: number },
  from: Tagged["from"],
  xAt: (t: number) => number,
) {
  return times
    .filter((t) => t >= range.fromMs && t < range.toMs)
    .map((t) => ({ tMs: t, landmarks: pose(xAt(t)), from }));
}

describe("splitting a file between two workers", () => {
  it("covers every frame, overlapping by the lead and tail, and lets the second worker warm up first", () => {
    const times = at30fps(30);
    const plan = planSplit(times)!;
    const [a, b] = plan.parts;
    expect(a.fromMs).toBe(-Infinity);
    expect(b.toMs).toBe(Infinity);
    // About 1.5 s before and 0.5 s after the middle are analysed twice: 60 frames of 900.
    expect(a.frameCount + b.frameCount - times.length).toBe(60);
    expect(b.fromMs).toBeLessThan(a.toMs);
    expect(plan.seam.fromMs - b.fromMs).toBeGreaterThanOrEqual(1000);
    expect(plan.seam.toMs).toBe(a.toMs);
    // Both workers get the same work, give or take a frame.
    expect(Math.abs(a.frameCount - b.frameCount)).toBeLessThanOrEqual(1);
  });

  it("keeps a short clip on one worker, where the overlap would cost more than it saves", () => {
    expect(planSplit(at30fps(5))).toBeNull();
    expect(planSplit([])).toBeNull();
    expect(planSplit(at30fps(7))).not.toBeNull();
  });
});

describe("stitching the two landmark streams", () => {
  const times = at30fps(20);
  const plan = planSplit(times)!;

  it("keeps every frame time exactly once, in order, first part before the seam and second after", () => {
    const first = part(times, plan.parts[0], "first", () => 0.5);
    const second = part(times, plan.parts[1], "second", () => 0.5);
    const seamMs = chooseSeam(first, second, plan.seam)!;
    const stitched = stitch(first, second, seamMs);
    expect(stitched.map((f) => f.tMs)).toEqual(times);
    expect(stitched.every((f) => (f.tMs < seamMs ? f.from === "first" : f.from === "second"))).toBe(true);
    expect(seamMs).toBeGreaterThanOrEqual(plan.seam.fromMs);
    expect(seamMs).toBeLessThan(plan.seam.toMs);
  });

  it("joins where the two workers agree on the pose, so the stream has no jump", () => {
    const agreeMs = times.find((t) => t >= plan.seam.fromMs + 300)!;
    const first = part(times, plan.parts[0], "first", (t) => t / 20_000);
    // The second worker is off by a little everywhere but one frame.
    const second = part(times, plan.parts[1], "second", (t) => t / 20_000 + (t === agreeMs ? 0 : 0.01));
    expect(chooseSeam(first, second, plan.seam)).toBe(agreeMs);
  });

  it("never joins on a frame where only one worker found the person", () => {
    const first = part(times, plan.parts[0], "first", () => 0.5);
    const second = part(times, plan.parts[1], "second", () => 0.52).map((f) =>
      f.tMs < plan.seam.fromMs + 500 ? { ...f, landmarks: [] } : f,
    );
    expect(chooseSeam(first, second, plan.seam)).toBeGreaterThanOrEqual(plan.seam.fromMs + 500);
  });

  it("without a shared frame, hands over after the first part's last frame, with no repeat", () => {
    const first = part(times, { fromMs: -Infinity, toMs: 10_000 }, "first", () => 0.5);
    const second = part(times, { fromMs: 9_000, toMs: Infinity }, "second", () => 0.5);
    expect(stitch(first, second, null).map((f) => f.tMs)).toEqual(times);
  });
});
