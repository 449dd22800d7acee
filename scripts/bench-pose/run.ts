// Pose benchmark: `npm run bench:pose -- [--json] [--quick] [--capture bitmap|videoframe]
// [--short-side 256] [--input-sizes]`.
// Runs the real worker in headless Chromium on a synthetic clip, then the real clips in
// ../shared/realdata/videos (skipped with a message when absent) against bare MediaPipe on the same
// frames; prints medians and tails with warm-up frames excluded. With --json the last line is
// `{"lite": {...}, "full": {...}, "real": {...}}`. --input-sizes runs the input-size study instead.
import { loadavg } from "node:os";
import { basename, dirname } from "node:path";
import { parseArgs } from "node:util";
import { MODEL_INPUT_SHORT_SIDE_PX } from "../../web/pose/capture.ts";
import { generateSynth } from "../synth/index.ts";
import { buildApp, openApp } from "./browser.ts";
import { STUDY_SHORT_SIDES, studyInputSizes } from "./input-sizes.ts";
import { benchReal } from "./real-bench.ts";
import { listRealClips, makeMediaDir, REALDATA_VIDEOS } from "./real-clips.ts";

/** The hook /train?bench=1 installs (web/features/train/bench). */
interface BenchWindow {
  __spotterBench?: (opts: object) => Promise<Record<string, number | null>>;
}

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    capture: { type: "string", default: "bitmap" },
    "short-side": { type: "string", default: String(MODEL_INPUT_SHORT_SIDE_PX) },
    models: { type: "string", default: "lite,full" },
    "input-sizes": { type: "boolean", default: false },
  },
});

const capture = values.capture === "videoframe" ? "videoframe" : "bitmap";
const models = values.models.split(",").filter((m) => m === "lite" || m === "full" || m === "heavy");
const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () => `load average (1 min) ${loadavg()[0]?.toFixed(1)} on a machine other engineers share`;

log("bench:pose: rendering the synthetic clip (cached after the first run)…");
const clip = await generateSynth({ exercise: "squat", reps: 3 });
const realClips = listRealClips();
log("bench:pose: building the app…");
buildApp();
const media = makeMediaDir({ synth: dirname(clip.dir) });
const session = await openApp(media.dir);
const results: Record<string, unknown> = {};
try {
  const page = await session.browser.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") log(`page: ${m.text()}`);
  });
  if (values["input-sizes"]) {
    if (!realClips) throw new Error(`--input-sizes needs the real clips in ${REALDATA_VIDEOS}`);
    log(`bench:pose: input sizes (short side ${STUDY_SHORT_SIDES.slice(1).join(", ")} px vs full)…`);
    results.inputSizes = await studyInputSizes(
      session.browser,
      session.origin,
      realClips,
      values.quick ? 30 : 90,
      log,
    );
  } else {
    await page.goto(`${session.origin}/train?bench=1`);
    // Let the service worker install and cache the runtime, then reload under its control: the
    // "warm cache" the init figure is about.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.waitForFunction(() => (window as BenchWindow).__spotterBench !== undefined);
    for (const model of models) {
      log(`bench:pose: ${model}…`);
      results[model] = await page.evaluate((opts) => (window as BenchWindow).__spotterBench!(opts), {
        model,
        videoUrl: `/__media/synth/${basename(clip.dir)}/video.webm`,
        capture,
        captureWidthPx: Number(values["short-side"]),
        warmupFrames: 5,
        minFrames: values.quick ? 100 : 200,
        upload: true,
      } as const);
    }
    if (!realClips) {
      results.real = { skipped: `no real clips: ${REALDATA_VIDEOS} is absent` };
      log(`bench:pose: real clips skipped: ${REALDATA_VIDEOS} is absent`);
    } else {
      // --quick keeps the two 720p clips the headline ratios come from.
      const clips = values.quick ? realClips.filter((c) => c.heightPx === 720) : realClips;
      results.real = await benchReal(
        session.browser,
        session.origin,
        page,
        clips,
        values.quick ? 20 : 50,
        log,
      );
    }
  }
} finally {
  await session.close();
  media.remove();
}

// Two shared cores: other work on the machine moves every figure, so the load goes with them.
log(`\n${load()} at the end`);
results.loadAverage1m = Math.round((loadavg()[0] ?? 0) * 10) / 10;
for (const [name, figures] of Object.entries(results)) {
  if (typeof figures !== "object" || figures === null) continue;
  log(
    `\n${name}${name === "lite" || name === "full" ? ` (capture ${capture}, short side ${values["short-side"]} px)` : ""}`,
  );
  log(
    JSON.stringify(figures, (_k, v: unknown) => (typeof v === "number" ? Math.round(v * 10) / 10 : v), 1)
      .replace(/\n\s*/g, " ")
      .replace(/\{ "clip"/g, '\n  { "clip"'),
  );
}
if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
