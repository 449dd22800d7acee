import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { generateSynth, readTruth, type SynthTruth } from "../scripts/synth/index.ts";
import type { SynthParamsInput } from "../scripts/synth/params.ts";
import { remuxToIsobmff } from "../scripts/synth/to-mp4.ts";

/** How many pixels of the skeleton overlay are drawn. */
function skeletonPixels(page: Page): Promise<number> {
  return page.getByTestId("skeleton-canvas").evaluate((canvas) => {
    if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0) return 0;
    const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn += 1;
    return drawn;
  });
}

interface Case {
  exerciseId: string;
  clip: SynthParamsInput;
  /** The generator writes WebM; "mp4" uploads the same frames rewrapped in an MP4. */
  container?: "mp4";
}

// Short clips: every frame goes through real pose inference on the CI's two cores.
const CASES: Case[] = [
  { exerciseId: "squat", clip: { exercise: "squat", reps: 3, tempoS: 2, faults: { 2: ["forward_lean"] } } },
  { exerciseId: "push_up", clip: { exercise: "push_up", reps: 3, tempoS: 2, faults: { 2: ["hips_sag"] } } },
  {
    exerciseId: "lunge",
    clip: { exercise: "lunge", reps: 3, tempoS: 2, faults: { 2: ["torso_lean"] } },
    container: "mp4",
  },
  {
    exerciseId: "bicep_curl",
    clip: { exercise: "bicep_curl", reps: 3, tempoS: 2, faults: { 2: ["lean_back"] } },
  },
];

for (const { exerciseId, clip, container } of CASES) {
  test(`${exerciseId} (${container ?? "webm"}): every frame is analysed and each rep is reviewed against the rendered truth`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    const synth = await generateSynth(clip);
    const truth: SynthTruth = await readTruth(synth.truthPath);

    await page.goto("/analyze");
    await expect(page.getByText("never uploaded")).toBeVisible();
    await page.getByTestId("exercise-select").selectOption(exerciseId);
    const upload =
      container === "mp4"
        ? {
            name: "clip.mp4",
            mimeType: "video/mp4",
            buffer: Buffer.from(await remuxToIsobmff(new Uint8Array(await readFile(synth.videoPath)))),
          }
        : synth.videoPath;
    await page.getByTestId("analyze-file-input").setInputFiles(upload);
    await expect(page.getByTestId("analysis-progress")).toBeVisible();

    await expect(page.getByTestId("frames-analyzed")).toHaveText(String(truth.frameCount), {
      timeout: 300_000,
    });
    await expect(page.getByTestId("timeline")).toBeVisible();
    await expect(page.getByTestId("realtime-factor")).toHaveText(/^\d+\.\d+×$/);
    // An 8 s clip on a device with two cores goes through two workers, stitched into one stream.
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await expect(page.getByTestId("pose-workers")).toHaveText(cores >= 2 ? "2" : "1");

    // Seeking through the timeline shows that moment's skeleton over the video.
    await page.getByTestId("timeline").click({ position: { x: 200, y: 40 } });
    await expect.poll(() => skeletonPixels(page)).toBeGreaterThan(100);

    await expect(page.getByTestId("rep-count")).toHaveText(String(truth.reps.length));
    const rows = page.getByTestId("rep-row");
    await expect(rows).toHaveCount(truth.reps.length);
    for (const [i, rep] of truth.reps.entries()) {
      const found = ((await rows.nth(i).getAttribute("data-faults")) ?? "").split(" ").filter(Boolean);
      if (rep.faults.length === 0) expect(found, `rep ${rep.rep} is clean`).toEqual([]);
      for (const fault of rep.faults) expect(found, `rep ${rep.rep} shows ${fault}`).toContain(fault);
    }

    // By keyboard: the timeline is a slider; Page Down goes to the first rep.
    const timeline = page.getByRole("slider", { name: /^Timeline/ });
    await timeline.focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("PageDown");
    await expect(timeline).toHaveAttribute("aria-valuetext", new RegExp(`rep 1 of ${truth.reps.length}`));
    // The reviewed set goes to the log with its per-rep form.
    await page.getByRole("button", { name: "Save to log" }).click();
    await expect(page.getByRole("button", { name: "Saved to log" })).toBeDisabled();
  });
}

test("cancel stops a running analysis and leaves the page ready for the next file", async ({ page }) => {
  test.setTimeout(600_000);
  const synth = await generateSynth(CASES[0]!.clip);
  await page.goto("/analyze");
  await page.getByTestId("analyze-file-input").setInputFiles(synth.videoPath);
  await expect(page.getByText(/^Frame \d+ of \d+/)).toBeVisible({ timeout: 120_000 });
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("analysis-progress")).toBeHidden();
  await expect(page.getByTestId("frames-analyzed")).toHaveCount(0);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.getByTestId("analyze-file-input")).toBeEnabled();
});

test("a file that is not a video is refused with a message, and nothing is uploaded", async ({ page }) => {
  const marker = "spotter-private-bytes";
  const leaks: string[] = [];
  page.on("request", (request) => {
    if (request.postDataBuffer()?.includes(marker)) leaks.push(request.url());
  });
  await page.goto("/analyze");
  await page.getByTestId("analyze-file-input").setInputFiles({
    name: "clip.mp4",
    mimeType: "video/mp4",
    buffer: Buffer.from(`${marker}: text pretending to be a video`),
  });
  await expect(page.getByRole("alert")).toContainText(/not .*video/i);
  expect(leaks).toEqual([]);
});
