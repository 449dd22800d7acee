import { describe, expect, it } from "vitest";
import { clientFor } from "./pose-client";
import type { PoseFrameSource, PoseResult } from "./pose-types";

/** A frame that records whether it was closed, standing in for an ImageBitmap. */
function fakeFrame() {
  const frame = { closed: false, close: () => void (frame.closed = true) };
  return frame as typeof frame & ImageBitmap;
}

/** A worker whose detections finish only when the test says so. */
function fakeWorker() {
  const pending: { tMs: number; finish: () => void }[] = [];
  const remote = {
    init: async () => ({ model: "lite" as const, delegate: "CPU" as const, initMs: 1 }),
    firstLandmarksMs: async () => null,
    detect: (frame: PoseFrameSource, tMs: number) =>
      new Promise<PoseResult>((resolve) => {
        pending.push({
          tMs,
          finish: () => {
            frame.close();
            resolve({
              tMs,
              landmarks: [],
              worldLandmarks: [],
              presence: null,
              imageAspect: 1,
              timings: { inferenceMs: 5, workerMs: 6 },
            });
          },
        });
      }),
  };
  return { remote, pending };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("pose client", () => {
  it("live: drops and closes frames offered while one is in flight, never queueing them", async () => {
    const { remote, pending } = fakeWorker();
    const client = clientFor(remote, () => undefined);
    await client.init({ model: "lite", delegate: "CPU" });
    const first = client.offer(fakeFrame(), 0);
    const skipped = fakeFrame();
    expect(await client.offer(skipped, 33)).toBeNull();
    expect(skipped.closed).toBe(true);
    await settle();
    expect(pending.map((p) => p.tMs)).toEqual([0]);
    pending[0]!.finish();
    expect((await first)?.tMs).toBe(0);
    expect(client.stats()).toMatchObject({ sent: 1, dropped: 1, inferenceMs: [5] });
  });

  it("live: captures nothing while the worker is busy", async () => {
    const { remote, pending } = fakeWorker();
    const client = clientFor(remote, () => undefined);
    await client.init({ model: "lite", delegate: "CPU" });
    let captures = 0;
    const capture = async () => {
      captures += 1;
      return fakeFrame();
    };
    void client.offerCapture(capture, 0);
    expect(await client.offerCapture(capture, 33)).toBeNull();
    await settle();
    expect(captures).toBe(1);
    pending[0]!.finish();
  });

  it("live: while the model loads, the camera's frames are neither captured nor sent; then they are", async () => {
    const { remote, pending } = fakeWorker();
    let finishInit: () => void = () => undefined;
    const client = clientFor(
      {
        ...remote,
        init: () =>
          new Promise((resolve) => {
            finishInit = () => resolve({ model: "lite", delegate: "CPU", initMs: 1 });
          }),
      },
      () => undefined,
    );
    const loading = client.init({ model: "lite", delegate: "CPU" });
    let captures = 0;
    const capture = async () => {
      captures += 1;
      return fakeFrame();
    };
    expect(await client.offerCapture(capture, 0)).toBeNull();
    const early = fakeFrame();
    expect(await client.offer(early, 33)).toBeNull();
    expect(early.closed).toBe(true);
    expect(client.stats()).toMatchObject({ sent: 0, dropped: 0, beforeReady: 2 });
    expect(captures).toBe(0);
    finishInit();
    await loading;
    const sent = client.offerCapture(capture, 66);
    await settle();
    expect(captures).toBe(1);
    pending[0]!.finish();
    expect((await sent)?.tMs).toBe(66);
  });

  it("files: sends every frame at once (the worker queues them), each result to its frame", async () => {
    const { remote, pending } = fakeWorker();
    const client = clientFor(remote, () => undefined);
    const results = [0, 33, 66].map((tMs) => client.detect(fakeFrame(), tMs));
    await settle();
    // All three are with the worker before the first is done: it never waits for the page.
    expect(pending.map((p) => p.tMs)).toEqual([0, 33, 66]);
    for (const p of pending) p.finish();
    expect((await Promise.all(results)).map((r) => r.tMs)).toEqual([0, 33, 66]);
    expect(client.stats().dropped).toBe(0);
  });

  it("files: a cancelled frame is closed and not sent", async () => {
    const { remote, pending } = fakeWorker();
    const client = clientFor(remote, () => undefined);
    const abort = new AbortController();
    abort.abort();
    const frame = fakeFrame();
    await expect(client.detect(frame, 0, abort.signal)).rejects.toMatchObject({ code: "aborted" });
    expect(frame.closed).toBe(true);
    expect(pending).toEqual([]);
  });
});
