import { describe, expect, it } from "vitest";
import type { PoseClient } from "../../pose/pose-client";
import type { PoseFrameSource, PoseResult } from "../../pose/pose-types";
import type { FrameRange, VideoSource } from "../../video/open-video";
import { analyseParts, analyseWhole } from "./analyse-parts";
import { planSplit } from "./split-analysis";

const TIMES = Array.from({ length: 300 }, (_, i) => Math.round((i * 1e6) / 30) / 1000);

/** A file of 300 frames at 30 fps whose frames are plain objects (the seam the page owns). */
function fakeSource(): VideoSource {
  return {
    decoder: "webcodecs",
    container: "mp4",
    codec: "avc1",
    frameCount: TIMES.length,
    frameTimesMs: TIMES,
    durationMs: 10_000,
    width: 64,
    height: 64,
    async *frames({ fromMs = -Infinity, toMs = Infinity }: FrameRange = {}) {
      let index = 0;
      for (const tMs of TIMES.filter((t) => t >= fromMs && t < toMs))
        yield { frame: { close() {} } as unknown as VideoFrame, tMs, index: index++ };
    },
    close() {},
  };
}

/** A pose worker that remembers which frame times it was sent. */
function fakeClient(name: string, seen: Map<string, number[]>): PoseClient {
  seen.set(name, []);
  const result = (tMs: number): PoseResult => ({
    tMs,
    landmarks: [],
    worldLandmarks: [],
    presence: null,
    imageAspect: 1,
    timings: { inferenceMs: 1, workerMs: 1 },
  });
  return {
    init: () => Promise.resolve({ model: "lite", delegate: "CPU", initMs: 0 }),
    offer: () => Promise.resolve(null),
    offerCapture: () => Promise.resolve(null),
    detect(frame: PoseFrameSource, tMs: number) {
      frame.close();
      seen.get(name)!.push(tMs);
      return Promise.resolve(result(tMs));
    },
    firstLandmarksMs: () => Promise.resolve(null),
    stats: () => ({ sent: 0, dropped: 0, beforeReady: 0, inferenceMs: [], workerMs: [], roundTripMs: [] }),
    terminate() {},
  };
}

describe("one worker on a cut file", () => {
  it("hands the second half to a fresh worker at the cut, every frame once and in order", async () => {
    const seen = new Map<string, number[]>();
    const plan = planSplit(TIMES)!;
    const indices: number[] = [];
    const events: string[] = [];
    const run = await analyseWhole(
      fakeSource(),
      fakeClient("first", seen),
      { onFrame: (_frame, index) => indices.push(index) },
      {
        atMs: plan.cutMs,
        headFrames: plan.parts[0].frameCount,
        leadMs: 0,
        prepare: () => events.push("prepare"),
        next: () => {
          events.push("next");
          return Promise.resolve(fakeClient("fresh", seen));
        },
      },
    );
    // The fresh worker was started before the first half ended, at the latest with its last frame.
    expect(events).toEqual(["prepare", "next"]);
    expect(run.frames.map((f) => f.tMs)).toEqual(TIMES);
    expect(indices).toEqual(TIMES.map((_, i) => i));
    expect(run.seamMs).toBe(plan.cutMs);
    // The fresh worker sees exactly the frames the second of two workers would.
    expect(seen.get("first")!.every((t) => t < plan.cutMs + 1)).toBe(true);
    expect(seen.get("fresh")!.length).toBe(plan.parts[1].frameCount);
    expect(seen.get("fresh")![0]).toBeGreaterThanOrEqual(plan.cutMs);
  });

  it("starts the fresh worker early when its load takes longer than the first half has left", async () => {
    const seen = new Map<string, number[]>();
    const plan = planSplit(TIMES)!;
    let framesAtPrepare = -1;
    await analyseWhole(
      fakeSource(),
      fakeClient("first", seen),
      {},
      {
        atMs: plan.cutMs,
        headFrames: plan.parts[0].frameCount,
        leadMs: Infinity,
        prepare: () => (framesAtPrepare = seen.get("first")!.length),
        next: () => Promise.resolve(fakeClient("fresh", seen)),
      },
    );
    expect(framesAtPrepare).toBeGreaterThan(0);
    expect(framesAtPrepare).toBeLessThan(10);
  });
});

describe("two workers on a cut file", () => {
  it("gives each worker its half, no frame to both, so the halves join with no frame twice", async () => {
    const seen = new Map<string, number[]>();
    const plan = planSplit(TIMES)!;
    const [head, tail] = await analyseParts(
      fakeSource(),
      [fakeClient("a", seen), fakeClient("b", seen)],
      plan.parts,
      {},
    );
    expect([...head!.frames, ...tail!.frames].map((f) => f.tMs)).toEqual(TIMES);
    expect([head!.stages.frames, tail!.stages.frames]).toEqual([
      plan.parts[0].frameCount,
      plan.parts[1].frameCount,
    ]);
    expect(seen.get("a")!.length).toBe(plan.parts[0].frameCount);
    expect(seen.get("b")!.length).toBe(plan.parts[1].frameCount);
  });
});
