import { expect, test, type Page } from "@playwright/test";
import { generateSynth } from "../scripts/synth/index.ts";
import type { AnalysisFrame } from "../web/features/analyze/run-analysis.ts";
import type { AutomationSummary } from "../web/features/analyze/automation.ts";

interface Run {
  frames: AnalysisFrame[];
  summary: AutomationSummary;
  /** Each rep row of the table as a person reads it. */
  rows: string[];
}

/** Analyses the clip on the Analyze page with the given number of pose workers. */
async function analyse(page: Page, videoPath: string, workers: 1 | 2): Promise<Run> {
  const frames: AnalysisFrame[] = [];
  const done = new Promise<AutomationSummary>((resolve, reject) => {
    void page.exposeFunction("spotterAnalyzeDone", (summary: AutomationSummary) => resolve(summary));
    void page.exposeFunction("spotterAnalyzeFail", (failure: { message: string }) =>
      reject(new Error(`analysis on ${workers} worker(s) failed: ${failure.message}`)),
    );
  });
  await page.exposeFunction("spotterAnalyzeFrame", (frame: AnalysisFrame) => frames.push(frame));
  await page.goto(`/analyze?workers=${workers}`);
  await page.getByTestId("exercise-select").selectOption("squat");
  // The page loads the model while the person picks: it says so before any file is chosen.
  await expect(page.getByTestId("model-status")).toHaveText("Pose model ready: pick a file.", {
    timeout: 60_000,
  });
  await page.getByTestId("analyze-file-input").setInputFiles(videoPath);
  const summary = await done;
  await expect(page.getByTestId("rep-row").first()).toBeVisible();
  const rows = await page.getByTestId("rep-row").evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ""));
  return { frames, summary, rows };
}

test("two pose workers give the same landmarks and the same per-rep review as one", async ({ browser }) => {
  test.setTimeout(180_000);
  // Long enough to be cut in two (6 s or more), with reps on both sides of the cut; 15 fps halves
  // the frames to analyse (twice) without changing what is compared.
  const synth = await generateSynth({
    exercise: "squat",
    reps: 4,
    tempoS: 2,
    fps: 15,
    faults: { 3: ["forward_lean"] },
  });
  const runs: Run[] = [];
  for (const workers of [1, 2] as const) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    try {
      runs.push(await analyse(await context.newPage(), synth.videoPath, workers));
    } finally {
      await context.close();
    }
  }
  const [one, two] = runs as [Run, Run];
  expect(one.summary.workers).toBe(1);
  expect(two.summary.workers).toBe(2);
  // Both runs restarted the tracker at the same frame: the cut depends on the file alone.
  expect(one.summary.seamMs).toBeDefined();
  expect(two.summary.seamMs).toBe(one.summary.seamMs);
  expect(two.frames.length).toBe(one.summary.frameCount);
  // Every landmark of every frame, bit for bit: the second half is the same computation either way.
  expect(two.frames).toEqual(one.frames);
  expect(one.rows.length).toBeGreaterThanOrEqual(3);
  expect(two.rows).toEqual(one.rows);
});

test("the page loads its pose workers before a file is picked and stops them when left", async ({ page }) => {
  const poseWorkers = () => page.workers().filter((w) => w.url().includes("pose")).length;
  await page.goto("/analyze?workers=2");
  await expect(page.getByTestId("model-status")).toHaveText("Pose model ready: pick a file.", {
    timeout: 60_000,
  });
  expect(poseWorkers()).toBe(2);
  // Each holds about 200 MB: leaving the page must free them.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log" }).click();
  await expect.poll(poseWorkers).toBe(0);
});
