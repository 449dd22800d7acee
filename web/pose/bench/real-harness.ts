// Driven by scripts/bench-pose on /train?bench=1: the app's own per-frame path (toModelInput, the
// transfer, the worker) on frames of a real clip, seeked to the same times the floor page uses.
import { toModelInput } from "../capture";
import { createPoseClient, type PoseClient } from "../pose-client";

/** Per-frame ms, capture to landmarks on the page. */
export interface RealAppCosts {
  /** From the <video> itself, as live capture does. */
  fromVideo: number[];
  /** From a full-size copy of the frame (a camera at the clip's size). */
  fullSize: number[];
  /** From a copy scaled to a 360 px short side (the same camera at 360p). */
  at360p: number[];
  /** Of `fromVideo`: `toModelInput` alone, and MediaPipe's own call in the worker. */
  captureMs: number[];
  inferenceMs: number[];
}

interface RealHarness {
  load(clipUrl: string): Promise<void>;
  run(timesS: number[]): Promise<RealAppCosts>;
  close(): void;
}

const SHORT_360P_PX = 360;

function seek(video: HTMLVideoElement, timeS: number): Promise<void> {
  return new Promise((resolve) => {
    video.addEventListener("seeked", () => resolve(), { once: true });
    video.currentTime = timeS;
  });
}

async function timed(client: PoseClient, frame: () => Promise<ImageBitmap | null>, video: HTMLVideoElement) {
  const source = (await frame()) ?? video;
  const start = performance.now();
  const input = await toModelInput(source);
  const captureMs = performance.now() - start;
  const result = await client.detect(input, video.currentTime * 1000);
  return { totalMs: performance.now() - start, captureMs, inferenceMs: result.timings.inferenceMs };
}

function createHarness(): RealHarness {
  let video: HTMLVideoElement | null = null;
  let clients: PoseClient[] = [];
  const close = () => {
    clients.forEach((c) => c.terminate());
    clients = [];
    video?.remove();
    video = null;
  };
  return {
    async load(clipUrl) {
      close();
      const v = document.createElement("video");
      v.muted = true;
      v.preload = "auto";
      v.src = clipUrl;
      document.body.append(v);
      await new Promise<void>((resolve, reject) => {
        v.addEventListener("loadeddata", () => resolve(), { once: true });
        v.addEventListener("error", () => reject(new Error(`cannot load ${clipUrl}`)), { once: true });
      });
      video = v;
      // One worker per stream: each tracks its own frames, as one camera's worker does.
      clients = [createPoseClient(), createPoseClient(), createPoseClient()];
      for (const c of clients) await c.init({ model: "lite", delegate: "CPU" });
    },
    async run(timesS) {
      const v = video;
      const [fromVideo, fullSize, small] = clients;
      if (!v || !fromVideo || !fullSize || !small) throw new Error("load a clip first");
      const costs: RealAppCosts = { fromVideo: [], fullSize: [], at360p: [], captureMs: [], inferenceMs: [] };
      const scale = SHORT_360P_PX / Math.min(v.videoWidth, v.videoHeight);
      for (const t of timesS) {
        await seek(v, t);
        const live = await timed(fromVideo, async () => null, v);
        costs.fromVideo.push(live.totalMs);
        costs.captureMs.push(live.captureMs);
        costs.inferenceMs.push(live.inferenceMs);
        // The copies are made before the clock starts: they stand in for what a camera delivers.
        costs.fullSize.push((await timed(fullSize, () => createImageBitmap(v), v)).totalMs);
        const at360p = () =>
          createImageBitmap(v, {
            resizeWidth: Math.round(v.videoWidth * scale),
            resizeHeight: Math.round(v.videoHeight * scale),
            resizeQuality: "high",
          });
        costs.at360p.push((await timed(small, at360p, v)).totalMs);
      }
      return costs;
    },
    close,
  };
}

/** Puts the harness on `window.__spotterPoseReal` for the bench script. */
export function installRealHarness(): void {
  (window as Window & { __spotterPoseReal?: RealHarness }).__spotterPoseReal = createHarness();
}
