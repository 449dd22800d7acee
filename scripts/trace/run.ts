// Records a Chromium performance trace of one scenario, for Perfetto or DevTools:
//   npm run trace -- live     a live Train set on the fake camera (synthetic squats)
//   npm run trace -- upload   the Analyze page on a synthetic clip
// Saved to traces/<scenario>-<date>.json (git-ignored). The pose:* marks and measures show up
// under User Timing, from the page (round trip) and from the pose worker (inference).
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import { generateSynth } from "../synth/index.ts";
import { buildApp, openApp, REPO_ROOT } from "../bench-pose/browser.ts";

const CATEGORIES = [
  "blink.user_timing",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "v8.execute",
  "toplevel",
  "loading",
  "blink",
  "gpu",
];

const LIVE_RECORD_MS = 8000;

async function waitForPoseReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-pose-status="ready"]', { timeout: 60_000 });
}

async function live(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/train?exercise=squat`);
  await waitForPoseReady(page);
  // No countdown before the set: the recording starts with analysis.
  await page.getByLabel("Countdown").selectOption("0");
  await page.getByRole("button", { name: "Start" }).click();
  await page.waitForFunction(
    (ms) =>
      ((window as { __spotterTrainTrace?: { frameMs: number }[] }).__spotterTrainTrace?.at(-1)?.frameMs ??
        0) >= ms,
    LIVE_RECORD_MS,
    { timeout: LIVE_RECORD_MS * 4 },
  );
  await page.getByRole("button", { name: "Stop" }).click();
}

async function upload(page: Page, origin: string, videoPath: string): Promise<void> {
  let finish: (outcome: unknown) => void = () => undefined;
  const finished = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction("spotterAnalyzeFrame", () => undefined);
  await page.exposeFunction("spotterAnalyzeDone", (summary: unknown) => finish(summary));
  await page.exposeFunction("spotterAnalyzeFail", (failure: unknown) => finish({ failure }));
  await page.goto(`${origin}/analyze`);
  await page.getByTestId("analyze-file-input").setInputFiles(videoPath);
  process.stderr.write(`trace: analysis finished: ${JSON.stringify(await finished).slice(0, 300)}\n`);
}

const scenario = process.argv[2] ?? "live";
if (scenario !== "live" && scenario !== "upload") {
  process.stderr.write(`Unknown scenario "${scenario}": use live or upload.\n`);
  process.exit(2);
}

const clip = await generateSynth({ exercise: "squat", reps: 3 });
buildApp();
const fakeCamera = [
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  `--use-file-for-fake-video-capture=${clip.mjpegPath}`,
];
const session = await openApp(dirname(clip.dir), scenario === "live" ? fakeCamera : []);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const path = join(REPO_ROOT, "traces", `${scenario}-${stamp}.json`);
await mkdir(dirname(path), { recursive: true });
try {
  const page = await session.browser.newPage();
  await session.browser.startTracing(page, { path, categories: CATEGORIES, screenshots: false });
  if (scenario === "live") await live(page, session.origin);
  else await upload(page, session.origin, clip.videoPath);
  await session.browser.stopTracing();
} finally {
  await session.close();
}
process.stdout.write(`${path}\n`);
