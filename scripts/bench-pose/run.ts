// Pose benchmark: `npm run bench:pose -- [--json] [--quick] [--capture bitmap|videoframe] [--width 320]`.
// Runs the real worker in headless Chromium on a synthetic clip; prints medians and tails with
// warm-up frames excluded. With --json the last line is `{"lite": {...}, "full": {...}}`.
import { loadavg } from "node:os";
import { basename, dirname } from "node:path";
import { parseArgs } from "node:util";
import { generateSynth } from "../synth/index.ts";
import { buildApp, openApp } from "./browser.ts";

/** The hook /train?bench=1 installs (web/features/train/bench). */
interface BenchWindow {
  __spotterBench?: (opts: object) => Promise<Record<string, number | null>>;
}

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    capture: { type: "string", default: "bitmap" },
    width: { type: "string", default: "320" },
    models: { type: "string", default: "lite,full" },
  },
});

const capture = values.capture === "videoframe" ? "videoframe" : "bitmap";
const models = values.models.split(",").filter((m) => m === "lite" || m === "full" || m === "heavy");
const log = (line: string) => process.stderr.write(`${line}\n`);

log("bench:pose: rendering the synthetic clip (cached after the first run)…");
const clip = await generateSynth({ exercise: "squat", reps: 3 });
log("bench:pose: building the app…");
buildApp();
const session = await openApp(dirname(clip.dir));
const results: Record<string, unknown> = {};
try {
  const page = await session.browser.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") log(`page: ${m.text()}`);
  });
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
      videoUrl: `/__media/${basename(clip.dir)}/video.webm`,
      capture,
      captureWidthPx: Number(values.width),
      warmupFrames: 5,
      minFrames: values.quick ? 100 : 200,
      upload: true,
    } as const);
  }
} finally {
  await session.close();
}

// Two shared cores: other work on the machine moves every figure, so the load goes with them.
log(`\nload average (1 min) at the end: ${loadavg()[0]?.toFixed(1)}`);
for (const [model, figures] of Object.entries(results)) {
  log(`\n${model} (capture ${capture}, ${values.width} px)`);
  for (const [name, value] of Object.entries(figures as Record<string, number | null>)) {
    log(`  ${name.padEnd(22)} ${typeof value === "number" ? Math.round(value * 10) / 10 : String(value)}`);
  }
}
if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
