import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page, type PlaywrightWorkerArgs } from "@playwright/test";
import { generateSynth, readTruth } from "../scripts/synth/index.ts";
import { launchWithFakeCamera } from "./support/fake-camera";

declare global {
  interface Window {
    /** What the coaching live region said, in order (recorded as a screen reader would hear it). */
    __announced?: string[];
    /** Camera streams the page was given. */
    __streams?: MediaStream[];
    /** Screen wake locks the page was given. */
    __wakeLocks?: WakeLockSentinel[];
    /** Answers the held camera requests (as a person answering the permission prompt). */
    __grant?: () => void;
  }
}

// The clip train-live.spec.ts renders (cached): three squats, the second leaning forward.
const CLIP = { exercise: "squat", reps: 3, faults: { 2: ["forward_lean"] } } as const;

type Launch = [PlaywrightWorkerArgs["playwright"], { args?: string[]; executablePath?: string }];

async function openTrain(
  launch: Launch,
  baseURL: string | undefined,
  { holdCamera = false, clipboard = false } = {},
): Promise<[Browser, Page, number]> {
  const clip = await generateSynth({ ...CLIP, faults: { 2: [...CLIP.faults[2]] } });
  const truth = await readTruth(clip.truthPath);
  const browser = await launchWithFakeCamera(...launch, clip.mjpegPath);
  const context = await browser.newContext({ baseURL });
  // Granting one permission refuses the ones not named (the wake lock among them), so only the
  // test that copies asks for the clipboard.
  if (clipboard) await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  // Test-side listeners only: they watch what the page exposes and hand out the real camera.
  await page.addInitScript(() => {
    window.__announced = [];
    window.__streams = [];
    window.__wakeLocks = [];
    const lock = navigator.wakeLock.request.bind(navigator.wakeLock);
    navigator.wakeLock.request = async (type) => {
      const sentinel = await lock(type);
      window.__wakeLocks!.push(sentinel);
      return sentinel;
    };
    new MutationObserver(() => {
      const region = document.querySelector('[role="status"][aria-label="Coaching"]');
      const text = region?.textContent?.trim();
      if (text && text !== window.__announced!.at(-1)) window.__announced!.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
    const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await real(constraints);
      window.__streams!.push(stream);
      return stream;
    };
  });
  if (holdCamera) {
    // The permission prompt left open: camera requests wait until the test answers them.
    await page.addInitScript(() => {
      const waiting: (() => void)[] = [];
      window.__grant = () => waiting.splice(0).forEach((go) => go());
      const ask = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (constraints) =>
        new Promise<void>((go) => waiting.push(go)).then(() => ask(constraints));
    });
  }
  await page.goto("/train?exercise=squat");
  await expect(page.locator("[data-pose-status]")).toHaveAttribute("data-pose-status", "ready", {
    timeout: 60_000,
  });
  return [browser, page, truth.durationMs];
}

/** The Train page's trace of analysed frames (train-trace.ts). */
type Traced = Window & { __spotterTrainTrace?: { frameMs: number }[] };

const trackStates = (page: Page) =>
  page.evaluate(() => (window.__streams ?? []).flatMap((s) => s.getTracks().map((t) => t.readyState)));

const wakeLocksReleased = (page: Page) =>
  page.evaluate(() => (window.__wakeLocks ?? []).map((sentinel) => sentinel.released));

test.describe("a training session", () => {
  test.describe.configure({ timeout: 300_000 });

  test("a screen reader hears the rep count and the cue, not every frame; rest and share follow the set", async ({
    playwright,
    launchOptions,
    baseURL,
  }) => {
    const [browser, page, passMs] = await openTrain([playwright, launchOptions], baseURL, {
      clipboard: true,
    });
    try {
      await page.getByLabel("Countdown").selectOption("0");
      await page.getByRole("button", { name: "Start" }).click();
      const reps = page.getByRole("status", { name: "Rep count" });
      // Read through the accessibility tree, as assistive technology gets it.
      await expect.poll(() => reps.ariaSnapshot(), { timeout: passMs * 4 + 30_000 }).toContain("1 rep");
      await page.waitForFunction(
        (ms) => ((window as Traced).__spotterTrainTrace?.at(-1)?.frameMs ?? 0) >= ms,
        passMs - 50,
        { timeout: passMs * 4 + 30_000, polling: 30 },
      );
      await page.getByRole("button", { name: "Stop" }).click();
      expect(await reps.ariaSnapshot()).toContain("3 reps");
      const announced = await page.evaluate(() => window.__announced ?? []);
      const frames = await page.evaluate(() => (window as Traced).__spotterTrainTrace?.length ?? 0);
      expect(announced).toContain("Chest up");
      // Polite, not a running commentary: far fewer announcements than analysed frames.
      expect(announced.length).toBeLessThan(frames / 4);

      // The rest timer starts by itself, and the set can be shared as text (copied here: desktop
      // Chromium on Linux has no share sheet).
      await expect(page.getByRole("timer", { name: "Rest timer" })).toContainText(/Rest \d:\d\d/);
      await page.getByRole("button", { name: "Share summary" }).click();
      await expect(page.getByText("Summary copied")).toBeVisible();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(/^Squat: 3 reps/);
      expect(copied).toContain("leaning too far forward");

      // The page after a set (summary, rest timer, share) passes axe too.
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test("the screen stays awake during a set, after a countdown; leaving Train stops the camera", async ({
    playwright,
    launchOptions,
    baseURL,
  }) => {
    const [browser, page] = await openTrain([playwright, launchOptions], baseURL);
    const train = page.locator("section.train");
    try {
      await expect(page.getByLabel("Countdown")).toHaveValue("3");
      await page.getByRole("button", { name: "Start" }).click();
      await expect(page.getByTestId("countdown")).toHaveText("3");
      await expect(page.getByTestId("countdown")).toBeHidden({ timeout: 10_000 });
      await expect(train).toHaveAttribute("data-wake-lock", "held");
      // The browser's own sentinel: held now, released once the set stops.
      expect(await wakeLocksReleased(page)).toEqual([false]);
      await page.getByRole("button", { name: "Stop" }).click();
      await expect(train).toHaveAttribute("data-wake-lock", "released");
      await expect.poll(() => wakeLocksReleased(page)).toEqual([true]);
      expect(await trackStates(page)).toEqual(["ended"]);

      await page.getByRole("button", { name: "Start" }).click();
      await expect(train).toHaveAttribute("data-wake-lock", "held");
      expect(await trackStates(page)).toEqual(["ended", "live"]);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log" }).click();
      await expect(page.getByRole("heading", { name: "Workout log", level: 1 })).toBeFocused();
      await expect.poll(() => trackStates(page)).toEqual(["ended", "ended"]);
      await expect.poll(() => wakeLocksReleased(page)).toEqual([true, true]);
    } finally {
      await browser.close();
    }
  });

  test("Stop, or leaving Train, while the camera prompt is open releases the camera once it arrives", async ({
    playwright,
    launchOptions,
    baseURL,
  }) => {
    const [browser, page] = await openTrain([playwright, launchOptions], baseURL, { holdCamera: true });
    try {
      await page.getByRole("button", { name: "Start" }).click();
      await page.getByRole("button", { name: "Stop" }).click();
      await page.evaluate(() => window.__grant?.());
      await expect.poll(() => trackStates(page)).toEqual(["ended"]);
      await expect(page.getByRole("button", { name: "Start" })).toBeEnabled();
      await expect(page.getByTestId("countdown")).toHaveCount(0);

      await page.getByRole("button", { name: "Start" }).click();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan" }).click();
      await page.evaluate(() => window.__grant?.());
      await expect.poll(() => trackStates(page)).toEqual(["ended", "ended"]);
    } finally {
      await browser.close();
    }
  });
});
