// Real clips at their own resolution: the app's per-frame cost (toModelInput, transfer, worker)
// against the floor (bare MediaPipe on the same frames), in blocks that take turns so machine load
// falls on both alike. Figures are ratios of medians from this one run.
import type { Browser, Page } from "playwright-core";
import { quantile } from "../../web/pose/percentiles.ts";
import type { RealAppCosts } from "../../web/pose/bench/real-harness.ts";
import { floorCosts, loadBare, openBarePage } from "./bare-page.ts";
import { frameTimes, type RealClip } from "./real-clips.ts";

interface RealWindow {
  __spotterPoseReal?: { load(url: string): Promise<void>; run(timesS: number[]): Promise<RealAppCosts> };
}

export interface RealClipFigures {
  clip: string;
  resolution: string;
  frames: number;
  floorP50Ms: number | null;
  floorP95Ms: number | null;
  appP50Ms: number | null;
  appP95Ms: number | null;
  /** Of the app's cost: toModelInput, and MediaPipe's call in the worker (medians). */
  appCaptureP50Ms: number | null;
  appInferenceP50Ms: number | null;
  costVsFloor: number | null;
  fullSizeP50Ms: number | null;
  at360pP50Ms: number | null;
  costVs360p: number | null;
}

export interface RealFigures {
  /** App per-frame cost over the floor's, 720p clips pooled (medians). Goal ≤ 1.15. */
  costVsFloor: number | null;
  /** App cost on the 720p frames over the same frames at 360p (medians). Goal ≤ 1.1. */
  cost720pVs360p: number | null;
  clips: RealClipFigures[];
}

const WARMUP_FRAMES = 3;
const BLOCK_FRAMES = 8;
const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

const COST_KEYS = ["fromVideo", "fullSize", "at360p", "captureMs", "inferenceMs"] as const;
const emptyCosts = (): RealAppCosts => ({
  fromVideo: [],
  fullSize: [],
  at360p: [],
  captureMs: [],
  inferenceMs: [],
});
function appendCosts(to: RealAppCosts, from: RealAppCosts): void {
  for (const key of COST_KEYS) to[key].push(...from[key]);
}

interface Samples {
  floor: number[];
  app: RealAppCosts;
}

async function measureClip(bare: Page, app: Page, clip: RealClip, frames: number): Promise<Samples> {
  await loadBare(bare, clip.url, [0]);
  await app.evaluate((url) => (window as RealWindow).__spotterPoseReal!.load(url), clip.url);
  const times = frameTimes(clip, WARMUP_FRAMES + frames);
  const out: Samples = { floor: [], app: emptyCosts() };
  for (let i = 0, block = 0; i < times.length; i += BLOCK_FRAMES, block++) {
    const slice = times.slice(i, i + BLOCK_FRAMES);
    const runFloor = async () => out.floor.push(...(await floorCosts(bare, slice)));
    const runApp = async () => {
      const costs = await app.evaluate((t) => (window as RealWindow).__spotterPoseReal!.run(t), slice);
      appendCosts(out.app, costs);
    };
    // Turn about: neither side always runs first after the other has warmed the caches.
    if (block % 2 === 0) await runFloor().then(runApp);
    else await runApp().then(runFloor);
  }
  const drop = (list: number[]) => list.slice(WARMUP_FRAMES);
  const kept = emptyCosts();
  for (const key of COST_KEYS) kept[key] = drop(out.app[key]);
  return { floor: drop(out.floor), app: kept };
}

function clipFigures(clip: RealClip, s: Samples): RealClipFigures {
  const p50 = (l: number[]) => quantile(l, 0.5);
  return {
    clip: clip.name,
    resolution: `${clip.widthPx}x${clip.heightPx}`,
    frames: s.floor.length,
    floorP50Ms: r1(p50(s.floor)),
    floorP95Ms: r1(quantile(s.floor, 0.95)),
    appP50Ms: r1(p50(s.app.fromVideo)),
    appP95Ms: r1(quantile(s.app.fromVideo, 0.95)),
    appCaptureP50Ms: r1(p50(s.app.captureMs)),
    appInferenceP50Ms: r1(p50(s.app.inferenceMs)),
    costVsFloor: r2(ratio(p50(s.app.fromVideo), p50(s.floor))),
    fullSizeP50Ms: r1(p50(s.app.fullSize)),
    at360pP50Ms: r1(p50(s.app.at360p)),
    costVs360p: r2(ratio(p50(s.app.fullSize), p50(s.app.at360p))),
  };
}

/** Runs each clip through the floor page and the app page (already on /train?bench=1). */
export async function benchReal(
  browser: Browser,
  origin: string,
  app: Page,
  clips: RealClip[],
  frames: number,
  log: (line: string) => void,
): Promise<RealFigures> {
  await app.waitForFunction(() => (window as RealWindow).__spotterPoseReal !== undefined);
  const bare = await openBarePage(browser, origin);
  const figures: RealClipFigures[] = [];
  const pooled: Samples = { floor: [], app: emptyCosts() };
  try {
    for (const clip of clips) {
      log(`bench:pose: real clip ${clip.name} (${clip.widthPx}×${clip.heightPx}), ${frames} frames…`);
      const samples = await measureClip(bare, app, clip, frames);
      figures.push(clipFigures(clip, samples));
      if (clip.heightPx !== 720) continue;
      pooled.floor.push(...samples.floor);
      appendCosts(pooled.app, samples.app);
    }
  } finally {
    await bare.context().close();
  }
  const p50 = (l: number[]) => quantile(l, 0.5);
  return {
    costVsFloor: r2(ratio(p50(pooled.app.fromVideo), p50(pooled.floor))),
    cost720pVs360p: r2(ratio(p50(pooled.app.fullSize), p50(pooled.app.at360p))),
    clips: figures,
  };
}
