import { describe, expect, it } from "vitest";
import { planSplit } from "./split-analysis";

const at30fps = (seconds: number) =>
  Array.from({ length: seconds * 30 }, (_, i) => Math.round((i * 1e6) / 30) / 1000);

const inPart = (t: number, part: { fromMs: number; toMs: number }) => t >= part.fromMs && t < part.toMs;

describe("cutting a file in two for two workers", () => {
  it("gives every frame to exactly one half, with half the frames each", () => {
    const times = at30fps(31);
    const plan = planSplit(times)!;
    const [a, b] = plan.parts;
    for (const t of times) expect(Number(inPart(t, a)) + Number(inPart(t, b))).toBe(1);
    expect(a.frameCount + b.frameCount).toBe(times.length);
    expect(times.filter((t) => inPart(t, a))).toHaveLength(a.frameCount);
    expect(Math.abs(a.frameCount - b.frameCount)).toBeLessThanOrEqual(1);
  });

  it("cuts at the second half's first frame", () => {
    const plan = planSplit(at30fps(20))!;
    expect(plan.cutMs).toBe(plan.parts[1].fromMs);
    expect(plan.cutMs).toBe(plan.parts[0].toMs);
  });

  it("depends on the frame times alone, so one worker starts afresh where two would meet", () => {
    const times = at30fps(25);
    expect(planSplit(times)).toEqual(planSplit([...times]));
  });

  it("keeps a short clip whole, where a second model compile would cost more than it saves", () => {
    expect(planSplit(at30fps(5))).toBeNull();
    expect(planSplit([])).toBeNull();
    expect(planSplit([0])).toBeNull();
    expect(planSplit(at30fps(7))).not.toBeNull();
  });
});
