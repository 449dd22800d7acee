import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runCountdown } from "./countdown";

describe("countdown before a set", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("ticks 3, 2, 1, 0 a second apart and then resolves true", async () => {
    const ticks: number[] = [];
    const done = runCountdown(3, (left) => ticks.push(left), new AbortController().signal);
    expect(ticks).toEqual([3]);
    await vi.advanceTimersByTimeAsync(999);
    expect(ticks).toEqual([3]);
    await vi.advanceTimersByTimeAsync(2001);
    expect(ticks).toEqual([3, 2, 1, 0]);
    await expect(done).resolves.toBe(true);
  });

  it("stops at once when Stop aborts it, with no further ticks", async () => {
    const ticks: number[] = [];
    const stop = new AbortController();
    const done = runCountdown(3, (left) => ticks.push(left), stop.signal);
    await vi.advanceTimersByTimeAsync(1000);
    stop.abort();
    await expect(done).resolves.toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(ticks).toEqual([3, 2]);
  });

  it("with no countdown starts straight away", async () => {
    const ticks: number[] = [];
    await expect(runCountdown(0, (left) => ticks.push(left), new AbortController().signal)).resolves.toBe(
      true,
    );
    expect(ticks).toEqual([0]);
  });
});
