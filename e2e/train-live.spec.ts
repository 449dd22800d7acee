import { expect, test, type Browser, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { generateSynth, readTruth, type SynthTruth } from "../scripts/synth/index.ts";
import type { SynthParamsInput } from "../scripts/synth/params.ts";
import type { Exercise } from "../scripts/synth/types.ts";
import { launchWithFakeCamera } from "./support/fake-camera";

interface TracePoint {
  frameMs: number;
  hipY: number | null;
  reps: number;
}

declare global {
  interface Window {
    __spotterTrainTrace?: TracePoint[];
  }
}

interface LiveSet {
  page: Page;
  browser: Browser;
  truth: SynthTruth;
  /** The analysed frames of exactly one pass of the clip. */
  trace: TracePoint[];
}

/** Dips of the hip below the middle of its travel: one per squat. */
function countDips(hipY: number[]): number {
  const low = Math.min(...hipY);
  const high = Math.max(...hipY);
  const downAt = low + (high - low) * 0.65;
  const upAt = low + (high - low) * 0.35;
  let dips = 0;
  let down = false;
  for (const y of hipY) {
    if (!down && y > downAt) {
      down = true;
      dips += 1;
    } else if (down && y < upAt) down = false;
  }
  return dips;
}

function truthHipTravel(truth: SynthTruth): number {
  const ys = truth.frames.map((f) => ((f.landmarks[23]?.y ?? 0) + (f.landmarks[24]?.y ?? 0)) / 2);
  return Math.max(...ys) - Math.min(...ys);
}

/**
 * Renders (or reuses) a synthetic clip, plays it through Chromium's fake camera and trains one set
 * on it: Start once the model is ready, Stop after exactly one pass (the fake camera loops the file
 * from the moment capture starts).
 */
async function liveSet(
  playwright: PlaywrightWorkerArgs["playwright"],
  launchOptions: { args?: string[]; executablePath?: string },
  baseURL: string | undefined,
  params: SynthParamsInput & { exercise: Exercise },
): Promise<LiveSet> {
  const clip = await generateSynth(params);
  const truth = await readTruth(clip.truthPath);
  const browser = await launchWithFakeCamera(playwright, launchOptions, clip.mjpegPath);
  const page = await browser.newPage({ baseURL });
  await page.goto(`/train?exercise=${params.exercise}`);
  await expect(page.locator("[data-pose-status]")).toHaveAttribute("data-pose-status", "ready", {
    timeout: 60_000,
  });
  // No countdown: the fake camera plays the clip from when capture starts, and every frame counts.
  await page.getByLabel("Countdown").selectOption("0");
  await page.getByRole("button", { name: "Start" }).click();
  await page.waitForFunction(
    (passMs) => (window.__spotterTrainTrace?.at(-1)?.frameMs ?? 0) >= passMs - 50,
    truth.durationMs,
    {
      timeout: truth.durationMs * 4 + 30_000,
      polling: 30,
    },
  );
  await page.getByRole("button", { name: "Stop" }).click();
  const trace = await page.evaluate(() => (window.__spotterTrainTrace ?? []).slice());
  await test
    .info()
    .attach("train-trace.json", { body: JSON.stringify(trace), contentType: "application/json" });
  return { page, browser, truth, trace: trace.filter((p) => p.frameMs < truth.durationMs) };
}

/** The faults the summary lists for each full rep, in order. */
async function faultsPerRep(page: Page): Promise<string[][]> {
  const rows = page.getByTestId("set-summary").locator('tbody tr[data-partial="false"]');
  const lists = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-faults") ?? ""));
  return lists.map((list) => list.split(" ").filter(Boolean));
}

test.describe("Train page on a fake camera", () => {
  // Rendering a clip on first use and real pose inference on two shared cores both take minutes.
  test.describe.configure({ timeout: 420_000 });

  test("squat: draws the skeleton, follows the hips, counts the reps and reports the fault on its rep only", async ({
    playwright,
    launchOptions,
    baseURL,
  }) => {
    const { page, browser, truth, trace } = await liveSet(playwright, launchOptions, baseURL, {
      exercise: "squat",
      reps: 3,
      faults: { 2: ["forward_lean"] },
    });
    try {
      const hipY = trace.map((p) => p.hipY).filter((y): y is number => y !== null);
      // A person was found on nearly every analysed frame, and the hips moved as far as rendered.
      expect(hipY.length).toBeGreaterThan(trace.length * 0.9);
      expect(Math.max(...hipY) - Math.min(...hipY)).toBeGreaterThan(truthHipTravel(truth) * 0.6);
      expect(countDips(hipY)).toBe(truth.reps.length);

      await expect(page.getByTestId("rep-count")).toHaveText(String(truth.reps.length));
      const summary = page.getByTestId("set-summary");
      await expect(summary.getByRole("heading", { level: 2 })).toContainText(`${truth.reps.length} reps`);
      await expect(summary.getByRole("button", { name: "Save to log" })).toBeEnabled();
      // The injected fault on its rep, and nothing on the clean reps.
      expect(await faultsPerRep(page)).toEqual(truth.reps.map((rep) => rep.faults));
      await expect(page.getByTestId("cues").locator('[data-fault="forward_lean"]').first()).toBeVisible();

      // The skeleton canvas holds drawn pixels from the last analysed frame.
      const drawnPixels = await page.getByTestId("skeleton").evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let drawn = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn += 1;
        return drawn;
      });
      expect(drawnPixels).toBeGreaterThan(100);
    } finally {
      await browser.close();
    }
  });

  test("push-up: counts the reps and reports sagging hips on rep 2 only", async ({
    playwright,
    launchOptions,
    baseURL,
  }) => {
    const { page, browser, truth } = await liveSet(playwright, launchOptions, baseURL, {
      exercise: "push_up",
      reps: 3,
      faults: { 2: ["hips_sag"] },
    });
    try {
      await expect(page.getByTestId("rep-count")).toHaveText(String(truth.reps.length));
      expect(await faultsPerRep(page)).toEqual(truth.reps.map((rep) => rep.faults));
    } finally {
      await browser.close();
    }
  });

  const cases: { exercise: Exercise; faults: SynthParamsInput["faults"] }[] = [
    { exercise: "bicep_curl", faults: { 2: ["lean_back"] } },
    { exercise: "lunge", faults: {} },
  ];
  for (const { exercise, faults } of cases) {
    test(`${exercise}: counts exactly the rendered reps and reports faults only where injected`, async ({
      playwright,
      launchOptions,
      baseURL,
    }) => {
      const { page, browser, truth } = await liveSet(playwright, launchOptions, baseURL, {
        exercise,
        reps: 3,
        faults,
      });
      try {
        await expect(page.getByTestId("rep-count")).toHaveText(String(truth.reps.length));
        expect(await faultsPerRep(page)).toEqual(truth.reps.map((rep) => rep.faults));
      } finally {
        await browser.close();
      }
    });
  }
});
