import { expect, test, type Page } from "@playwright/test";
import { generateSynth, readTruth, type SynthTruth } from "../scripts/synth/index.ts";

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

/** Runs one pass of the fake camera's looped clip through a live set on the Train page. */
async function trainOnePass(page: Page, exercise: string, durationMs: number): Promise<TracePoint[]> {
  await page.goto(`/train?exercise=${exercise}`);
  await expect(page.locator("[data-pose-status]")).toHaveAttribute("data-pose-status", "ready", {
    timeout: 60_000,
  });
  await page.getByRole("button", { name: "Start" }).click();
  // The fake camera starts its file when capture starts and loops it: stop after exactly one pass.
  await page.waitForFunction(
    (passMs) => {
      const trace = window.__spotterTrainTrace ?? [];
      const first = trace[0];
      const last = trace.at(-1);
      return !!first && !!last && last.frameMs >= passMs - 50;
    },
    durationMs,
    { timeout: durationMs * 4 + 30_000, polling: 30 },
  );
  await page.getByRole("button", { name: "Stop" }).click();
  return page.evaluate(() => (window.__spotterTrainTrace ?? []).slice());
}

test.describe("Train page on a fake camera", () => {
  test("draws the skeleton, follows the hips and counts exactly the rendered squats", async ({
    playwright,
    baseURL,
    launchOptions,
  }) => {
    const clip = await generateSynth({ exercise: "squat", reps: 3 });
    const truth = await readTruth(clip.truthPath);
    const browser = await playwright.chromium.launch({
      ...launchOptions,
      args: [
        ...(launchOptions.args ?? []),
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        `--use-file-for-fake-video-capture=${clip.mjpegPath}`,
      ],
    });
    const page = await browser.newPage({ baseURL });
    try {
      const trace = await trainOnePass(page, "squat", truth.durationMs);
      const onePass = trace.filter((p) => p.frameMs < truth.durationMs);
      const hipY = onePass.map((p) => p.hipY).filter((y): y is number => y !== null);

      // A person was found on nearly every analysed frame, and the hips moved as far as rendered.
      expect(hipY.length).toBeGreaterThan(onePass.length * 0.9);
      expect(Math.max(...hipY) - Math.min(...hipY)).toBeGreaterThan(truthHipTravel(truth) * 0.6);
      expect(countDips(hipY)).toBe(truth.reps.length);

      await expect(page.getByTestId("rep-count")).toHaveText(String(truth.reps.length));
      const summary = page.getByTestId("set-summary");
      await expect(summary.getByRole("heading", { level: 2 })).toContainText(`${truth.reps.length} reps`);
      await expect(summary.getByRole("button", { name: "Save to log" })).toBeEnabled();

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
});
