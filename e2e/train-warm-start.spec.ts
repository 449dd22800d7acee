import { expect, test } from "@playwright/test";
import { generateSynth } from "../scripts/synth/index.ts";
import { launchWithFakeCamera } from "./support/fake-camera";

/** Frames the Train page has analysed in this set (its trace hook). */
const analysedFrames = () =>
  (window as unknown as { __spotterTrainTrace?: unknown[] }).__spotterTrainTrace?.length ?? 0;

// The pose client's code and the model's download are held back by the test, so the page is seen
// while they are still loading however fast the machine is; nothing else is replaced.
test("Train: the camera starts while the pose model loads, and analysis begins once it is ready", async ({
  playwright,
  launchOptions,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const clip = await generateSynth({ exercise: "squat", reps: 3 });
  const browser = await launchWithFakeCamera(playwright, launchOptions, clip.mjpegPath);
  try {
    // No service worker: the model request then comes from the pose worker itself, where the test
    // can hold it.
    const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
    let releaseModel: () => void = () => undefined;
    const modelHeld = new Promise<void>((resolve) => (releaseModel = resolve));
    let modelRequested = false;
    // The page side of the pose worker too: Train's controls and Start must not wait for it.
    let releaseClient: () => void = () => undefined;
    const clientHeld = new Promise<void>((resolve) => (releaseClient = resolve));
    let clientRequested = false;
    await context.route("**/assets/pose-client-*.js", async (route) => {
      clientRequested = true;
      await clientHeld;
      await route.continue();
    });
    await context.route("**/models/pose_landmarker_lite.task", async (route) => {
      modelRequested = true;
      await modelHeld;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto("/train?exercise=squat");

    const status = page.locator("[data-pose-status]");
    await expect(status).toHaveAttribute("data-pose-status", "loading");
    await expect(status).toContainText("Starting the pose model");
    await expect(status).toContainText("You can start now");
    await expect.poll(() => clientRequested).toBe(true);
    await page.getByLabel("Countdown").selectOption("0");
    const start = page.getByRole("button", { name: "Start" });
    await expect(start).toBeEnabled();
    await start.click();

    // The camera runs while the model is still loading; nothing is analysed yet.
    const preview = page.getByLabel("Camera preview");
    await expect(preview).toBeVisible();
    await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.5);
    await expect(status).toHaveAttribute("data-pose-status", "loading");
    expect(await page.evaluate(analysedFrames)).toBe(0);

    // Pressed before the pose code was in: the set says it is getting ready, waits for that code,
    // then for the model.
    await expect(page.getByText("Getting the coach ready")).toBeVisible();
    expect(modelRequested).toBe(false);
    releaseClient();
    // The pose worker really is waiting for its model (the hold is in place, not a fast machine).
    await expect.poll(() => modelRequested).toBe(true);
    releaseModel();
    await expect(status).toHaveAttribute("data-pose-status", "ready", { timeout: 90_000 });
    // The same set, without pressing anything again: frames are analysed and the skeleton follows.
    await expect.poll(() => page.evaluate(analysedFrames), { timeout: 60_000 }).toBeGreaterThan(5);
    await expect(page.getByTestId("hud-fps")).not.toHaveText("0");
    await page.getByRole("button", { name: "Stop" }).click();
  } finally {
    await browser.close();
  }
});
