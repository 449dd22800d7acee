import { describe, expect, it } from "vitest";
import { FpsMeter } from "./fps-meter";

describe("FpsMeter", () => {
  it("reports frames per second of camera time over the last second", () => {
    const meter = new FpsMeter();
    let fps = 0;
    for (let t = 0; t <= 3000; t += 40) fps = meter.tick(t);
    expect(fps).toBe(25);
    for (let t = 3100; t <= 5000; t += 100) fps = meter.tick(t);
    expect(fps).toBe(10);
  });
});
