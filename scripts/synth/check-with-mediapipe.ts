// Runs MediaPipe's pose landmarker over a synth clip and compares it with the ground truth:
//   npx tsx scripts/synth/check-with-mediapipe.ts --exercise squat --view side [--rate 0.25] [--model full]
import { access } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { launchChromium } from "./browser.ts";
import { parseCliArgs, USAGE } from "./cli-args.ts";
import { generateSynth, readTruth, REPO_ROOT, type SynthResult } from "./index.ts";
import { startSynthServer } from "./server.ts";
import type { SynthTruth } from "./types.ts";

/** Landmark groups reported separately: the joints form checks depend on. */
export const CHECKED_GROUPS: Record<string, readonly number[]> = {
  shoulders: [11, 12],
  elbows: [13, 14],
  wrists: [15, 16],
  hips: [23, 24],
  knees: [25, 26],
  ankles: [27, 28],
};

export interface CheckReport {
  framesChecked: number;
  detectionRate: number;
  /** Mean normalised image distance (x scaled by aspect, so 0.01 = 1% of the image height) per group. */
  meanErrorByGroup: Record<string, number>;
  meanError: number;
  /** 90th percentile of the per-frame mean error. */
  p90FrameError: number;
  /** Share of detected frames where the model's left and right sides are the wrong way round. */
  sideSwapRate: number;
  /** Mean error if left/right swaps are forgiven (for side-agnostic uses). */
  meanErrorSidesFree: number;
  videoDurationS: number;
}

interface Detection {
  index: number;
  landmarks: { x: number; y: number; visibility: number }[] | null;
}

type Landmarks = NonNullable<Detection["landmarks"]>;

/** Per-group errors of one frame; `swapSides` compares the detected left with the true right. */
function frameErrors(got: Landmarks, want: SynthTruth["frames"][number], aspect: number, swapSides: boolean) {
  const byGroup: [string, number][] = [];
  for (const [group, indices] of Object.entries(CHECKED_GROUPS)) {
    indices.forEach((i, k) => {
      const detected = got[swapSides ? (indices[1 - k] ?? i) : i];
      const truth = want.landmarks[i];
      if (!detected || !truth || truth.visibility === 0) return;
      byGroup.push([group, Math.hypot((detected.x - truth.x) * aspect, detected.y - truth.y)]);
    });
  }
  const mean = byGroup.reduce((a, [, e]) => a + e, 0) / Math.max(1, byGroup.length);
  return { byGroup, mean };
}

/** Compares detections with truth; pure so it can be tested without a browser. */
export function scoreDetections(
  truth: SynthTruth,
  detections: Detection[],
): Omit<CheckReport, "videoDurationS"> {
  const aspect = truth.width / truth.height;
  const sums: Record<string, { total: number; count: number }> = {};
  const frameMeans: number[] = [];
  let detected = 0;
  let swapped = 0;
  let sideFreeTotal = 0;
  for (const detection of detections) {
    if (!detection.landmarks) continue;
    detected++;
    const frame = truth.frames[detection.index];
    if (!frame) continue;
    const straight = frameErrors(detection.landmarks, frame, aspect, false);
    const mirrored = frameErrors(detection.landmarks, frame, aspect, true);
    if (mirrored.mean < straight.mean) swapped++;
    sideFreeTotal += Math.min(straight.mean, mirrored.mean);
    for (const [group, error] of straight.byGroup) {
      const sum = (sums[group] ??= { total: 0, count: 0 });
      sum.total += error;
      sum.count++;
    }
    frameMeans.push(straight.mean);
  }
  const meanErrorByGroup = Object.fromEntries(Object.entries(sums).map(([g, s]) => [g, s.total / s.count]));
  const all = Object.values(sums).reduce((a, s) => ({ total: a.total + s.total, count: a.count + s.count }), {
    total: 0,
    count: 0,
  });
  frameMeans.sort((a, b) => a - b);
  return {
    framesChecked: detections.length,
    detectionRate: detections.length ? detected / detections.length : 0,
    meanErrorByGroup,
    meanError: all.count ? all.total / all.count : Number.NaN,
    p90FrameError: frameMeans[Math.floor(0.9 * (frameMeans.length - 1))] ?? Number.NaN,
    sideSwapRate: frameMeans.length ? swapped / frameMeans.length : 0,
    meanErrorSidesFree: frameMeans.length ? sideFreeTotal / frameMeans.length : Number.NaN,
  };
}

export async function checkWithMediapipe(
  clip: Pick<SynthResult, "videoPath" | "truthPath">,
  options: { playbackRate?: number; model?: "lite" | "full" } = {},
): Promise<CheckReport & { detections: Detection[] }> {
  const modelName = `pose_landmarker_${options.model ?? "lite"}.task`;
  await access(join(REPO_ROOT, "public/models", modelName));
  const truth = await readTruth(clip.truthPath);
  const server = await startSynthServer({
    "/node_modules/": join(REPO_ROOT, "node_modules"),
    "/public/": join(REPO_ROOT, "public"),
    "/synth/": join(REPO_ROOT, "scripts/synth/page"),
    "/clip/": dirname(clip.videoPath),
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/synth/check.html`);
    await page.waitForFunction(() => "checkClip" in window, undefined, { timeout: 30_000 });
    const run = await page.evaluate(
      (job) =>
        (
          window as unknown as {
            checkClip(j: typeof job): Promise<{ durationS: number; results: Detection[] }>;
          }
        ).checkClip(job),
      {
        videoUrl: `/clip/${basename(clip.videoPath)}`,
        modelUrl: `/public/models/${modelName}`,
        fps: truth.fps,
        playbackRate: options.playbackRate ?? 0.25,
      },
    );
    return { ...scoreDetections(truth, run.results), videoDurationS: run.durationS, detections: run.results };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const cli = parseCliArgs(process.argv.slice(2));
  if (cli.help) {
    console.log(
      `${USAGE}\n  --rate PLAYBACK_RATE (default 0.25)  --model lite|full   (check-with-mediapipe only)`,
    );
    return;
  }
  const clip = await generateSynth(cli.params, { force: cli.force });
  const model = cli.model === "full" ? "full" : "lite";
  const report = await checkWithMediapipe(clip, { playbackRate: cli.rate ?? 0.25, model });
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  console.log(`clip ${clip.dir}`);
  console.log(`model ${model}: ${report.framesChecked} frames, detection ${pct(report.detectionRate)}`);
  for (const [group, error] of Object.entries(report.meanErrorByGroup))
    console.log(`  ${group.padEnd(10)} ${pct(error)}`);
  console.log(
    `  mean       ${pct(report.meanError)}   p90 frame ${pct(report.p90FrameError)} (of image height)`,
  );
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
