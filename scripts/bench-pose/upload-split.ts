// Upload analysis on one pose worker against two (the file cut at its middle frame, each half on its
// own worker, a fresh landmarker at the cut either way), on the real clips in
// ../shared/realdata/videos (or SPOTTER_REALDATA/videos), through the app's own Analyze page in
// headless Chromium. For each clip it runs both ways, judges both landmark streams with the form
// engine, and checks the per-rep result and every landmark are the same; the speed-up is single /
// two wall time from the same run, from the file picked to the result, with the workers already
// loaded (the page pre-warms them while a person picks a file: the bench waits for "ready").
// Per run it prints where the frame loop's time went: each worker's busy share, the page's waits
// for the decoder and for results, its own per-frame work, and main-thread long tasks. It takes the shared e2e lock (/tmp/e2e.lock) for the build and for each clip,
// so no other browser test runs beside a measurement and none waits long (--no-lock when the caller
// already holds it: flock would wait for itself). With --json the last stdout line is
// `{"figures": {"pose.upload.speedupVsSingleWorker": …}, "rows": [per clip]}`.
// Usage: npm run bench:upload -- [--json] [--rounds 1] [--only squat,pushup] [--no-lock]
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { treeCpuMs } from "./process-cpu.ts";
import { rm } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { EXERCISE_IDS, type ExerciseId, type RepResult, type SetSummary } from "../../shared/form/index.ts";
import type { AnalysisFrame } from "../../web/features/analyze/run-analysis.ts";
import {
  ANALYZE_MARKS,
  type AutomationFailure,
  type AutomationSummary,
} from "../../web/features/analyze/automation.ts";
import { judgeFrames } from "../../web/features/analyze/judge-frames.ts";
import { serveApp } from "../lib/serve-app.mjs";
import { CHROMIUM_ARGS, REPO_ROOT } from "./browser.ts";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    rounds: { type: "string", default: "1" },
    only: { type: "string" },
    "no-lock": { type: "boolean", default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

interface Run {
  summary: AutomationSummary;
  frames: AnalysisFrame[];
  /** File picked to result on screen (the page's marks), workers pre-warmed: what a person waits. */
  totalMs: number;
  /** Page open to the model shown ready (both workers' loads at once on two). */
  warmMs: number;
  /** CPU the whole browser (every process) used from file picked to result, in cores: 2 is both. */
  browserCores: number | null;
  /** The browser's CPU ms over `benchMs`, this script's wall clock from file picked to the last hook. */
  browserCpuMs: number | null;
  benchMs: number;
}

const LOCK = "/tmp/e2e.lock";
const DIST_DIR = join(REPO_ROOT, `.cache/bench-pose/upload-split-${process.pid}`);

/** Holds the shared e2e lock until the returned function is called (flock on a waiting child). */
async function holdLock(): Promise<() => void> {
  if (values["no-lock"]) return () => undefined;
  const child = spawn("flock", [LOCK, "sh", "-c", "echo held; cat >/dev/null"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  await new Promise<void>((resolveHeld, reject) => {
    child.stdout.once("data", () => resolveHeld());
    child.once("exit", (code) => reject(new Error(`flock ${LOCK} exited with ${code}`)));
  });
  return () => child.stdin.end();
}

function buildApp(): void {
  const vite = join(REPO_ROOT, "node_modules/.bin/vite");
  const args = [LOCK, vite, "build", "--logLevel", "warn", "--outDir", DIST_DIR, "--emptyOutDir"];
  const [command, ...rest] = values["no-lock"] ? args.slice(1) : ["flock", ...args];
  const build = spawnSync(command!, rest, { cwd: REPO_ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error(`vite build failed (${build.status})`);
}

interface Session {
  browser: Browser;
  origin: string;
}

async function analyse(session: Session, clip: string, workers: 1 | 2): Promise<Run> {
  const context = await session.browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const frames: AnalysisFrame[] = [];
    const outcome = new Promise<AutomationSummary>((resolveDone, reject) => {
      page.on("pageerror", (error) => reject(error));
      void page.exposeFunction("spotterAnalyzeDone", (summary: AutomationSummary) => resolveDone(summary));
      void page.exposeFunction("spotterAnalyzeFail", (failure: AutomationFailure) =>
        reject(new Error(failure.message)),
      );
    });
    await page.exposeFunction("spotterAnalyzeFrame", (frame: AnalysisFrame) => frames.push(frame));
    const opened = performance.now();
    await page.goto(`${session.origin}/analyze?model=lite&workers=${workers}`);
    await page.waitForSelector('[data-testid="model-status"][data-state="ready"]', { timeout: 120_000 });
    const started = performance.now();
    const cpuBefore = treeCpuMs(process.pid);
    await page.setInputFiles('[data-testid="analyze-file-input"]', clip);
    const summary = await outcome;
    const cpuAfter = treeCpuMs(process.pid);
    const benchMs = performance.now() - started;
    // The page's own marks: the automation hooks' frames reach this script after the page is done
    // (two workers' second half in one burst), which no person waits for.
    const marks = [ANALYZE_MARKS.picked, ANALYZE_MARKS.shown] as const;
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, marks[1]);
    const totalMs = await page.evaluate(
      ([from, to]) => performance.measure("analyze:wait", from, to).duration,
      marks,
    );
    const browserCpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    const browserCores = browserCpuMs === null ? null : Math.round((browserCpuMs / benchMs) * 100) / 100;
    return { summary, frames, totalMs, warmMs: started - opened, browserCpuMs, benchMs, browserCores };
  } finally {
    await context.close();
  }
}

/** Where a run's frame loop went, per part, in whole ms: readable in one line. */
function stagesOf(summary: AutomationSummary) {
  const ms = (value: number) => Math.round(value);
  const { parts, longTasks } = summary.stages;
  return {
    parts: parts
      .map(
        (p) =>
          `[${p.frames} frames: decode wait ${ms(p.decodeWaitMs)}, result wait ${ms(p.resultWaitMs)}, ` +
          `send ${ms(p.sendMs)}, page ${ms(p.pageMs)} ms]`,
      )
      .join(" "),
    longTasks: `main-thread tasks over 50 ms: ${longTasks.count}, ${ms(longTasks.totalMs)} ms, longest ${ms(longTasks.maxMs)}`,
  };
}

/** Per worker, its busy time over the frames it analysed, in ms (one worker's two halves as one). */
function workerMsPerFrame(summary: AutomationSummary): number[] {
  const { parts } = summary.stages;
  const frames =
    summary.workers === 2 ? parts.map((p) => p.frames) : [parts.reduce((n, p) => n + p.frames, 0)];
  return summary.workerBusy.map(
    (share, i) => Math.round(((share * summary.wallMs) / (frames[i] || 1)) * 10) / 10,
  );
}

/** What a person reads per rep: counted or partial, its faults, its score as shown (whole points). */
function shownRep(rep: RepResult) {
  return {
    partial: rep.partial,
    faults: rep.faults.map((f) => f.id).sort(),
    score: Math.round(rep.score),
  };
}

function compare(single: SetSummary, split: SetSummary) {
  const a = single.repResults.map(shownRep);
  const b = split.repResults.map(shownRep);
  const scoreDiffs = single.repResults.map((rep, i) =>
    split.repResults[i] ? Math.abs(rep.score - split.repResults[i].score) : Infinity,
  );
  return {
    equal: single.reps === split.reps && JSON.stringify(a) === JSON.stringify(b),
    reps: [single.reps, split.reps],
    partialReps: [single.partialReps, split.partialReps],
    maxScoreDiff: scoreDiffs.length ? Math.max(...scoreDiffs) : 0,
    scores: [a.map((r) => r.score), b.map((r) => r.score)],
  };
}

function exerciseOf(truthPath: string): ExerciseId {
  const exercise: unknown = JSON.parse(readFileSync(truthPath, "utf8")).exercise;
  const id = EXERCISE_IDS.find((e) => e === exercise);
  if (!id) throw new Error(`${truthPath}: unknown exercise ${String(exercise)}`);
  return id;
}

const dir = join(process.env.SPOTTER_REALDATA ?? resolve(REPO_ROOT, "../shared/realdata"), "videos");
if (!existsSync(dir)) {
  log(`upload-split: ${dir} is not on this machine; nothing to compare.`);
  process.exit(0);
}
const clips = readdirSync(dir)
  .filter((f) => f.endsWith(".mp4") && existsSync(join(dir, f.replace(/\.mp4$/, ".truth.json"))))
  .filter((f) => !values.only || values.only.split(",").some((part) => f.includes(part)))
  .sort();
const rounds = Math.max(1, Number(values.rounds));

log(`upload-split: load average at the start ${load()} (other work on this machine moves every figure)`);
log("upload-split: building the app…");
buildApp();
const server = await serveApp({ distDir: DIST_DIR, mediaDir: dir });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: CHROMIUM_ARGS,
});
const session: Session = { browser, origin: server.origin };
const rows: Record<string, unknown>[] = [];
let singleMs = 0;
let splitMs = 0;
let singleLoopMs = 0;
let splitLoopMs = 0;
let allEqual = true;
let sameResults = 0;
let sameLandmarks = 0;
const reloadsMs: number[] = [];
const busyOne: number[] = [];
// CPU ms the browser used, and wall ms, from file picked to result: [one worker, two].
const cpuMs = [0, 0];
const cpuWallMs = [0, 0];
const cpuFrames = [0, 0];
const busyTwo: number[][] = [];
const medianOf = (values: number[]) =>
  Math.round((values.slice().sort((a, b) => a - b)[values.length >> 1] ?? 0) * 100) / 100;
try {
  for (const [index, clip] of clips.entries()) {
    const exercise = exerciseOf(join(dir, clip.replace(/\.mp4$/, ".truth.json")));
    const release = await holdLock();
    try {
      // One throwaway run first, so the first measured one does not pay for a cold disk and JIT.
      if (index === 0) await analyse(session, join(dir, clip), 1);
      for (let round = 0; round < rounds; round++) {
        // Alternate which goes first, so a change in the machine's load does not favour one side.
        const order: (1 | 2)[] = round % 2 === 0 ? [1, 2] : [2, 1];
        const runs: Partial<Record<1 | 2, Run>> = {};
        for (const workers of order) runs[workers] = await analyse(session, join(dir, clip), workers);
        const single = runs[1]!;
        const split = runs[2]!;
        const result = compare(
          judgeFrames(single.frames, exercise).summary,
          judgeFrames(split.frames, exercise).summary,
        );
        const identical = JSON.stringify(single.frames) === JSON.stringify(split.frames);
        allEqual &&= result.equal && single.frames.length === split.frames.length;
        if (result.equal) sameResults += 1;
        if (identical) sameLandmarks += 1;
        if (single.summary.reloadMs !== undefined) reloadsMs.push(single.summary.reloadMs);
        busyOne.push(single.summary.workerBusy[0] ?? 0);
        for (const [side, run] of [single, split].entries()) {
          if (run.browserCpuMs === null) continue;
          cpuMs[side]! += run.browserCpuMs;
          cpuWallMs[side]! += run.benchMs;
          cpuFrames[side]! += run.frames.length;
        }
        busyTwo.push(split.summary.workerBusy);
        singleMs += single.totalMs;
        splitMs += split.totalMs;
        singleLoopMs += single.summary.wallMs;
        splitLoopMs += split.summary.wallMs;
        const row = {
          clip,
          round,
          frames: [single.frames.length, split.frames.length],
          workers: [single.summary.workers, split.summary.workers],
          seamMs: split.summary.seamMs ?? null,
          totalMs: [Math.round(single.totalMs), Math.round(split.totalMs)],
          frameLoopMs: [Math.round(single.summary.wallMs), Math.round(split.summary.wallMs)],
          warmMs: [Math.round(single.warmMs), Math.round(split.warmMs)],
          browserCores: [single.browserCores, split.browserCores],
          reloadMs: single.summary.reloadMs === undefined ? null : Math.round(single.summary.reloadMs),
          // Share of the frame loop each worker spent in MediaPipe: [one] / [first half, second half].
          workerBusy: [single.summary.workerBusy, split.summary.workerBusy].map((busy) =>
            (busy ?? []).map((share) => Math.round(share * 100) / 100),
          ),
          stages: [single, split].map((run) => stagesOf(run.summary)),
          // Mean time in the worker per frame (pixels and MediaPipe): two near one's means each core
          // ran its worker as fast as one core ran one; higher means the cores were shared.
          workerMsPerFrame: [single, split].map((run) => workerMsPerFrame(run.summary)),
          inferenceMedianMs: [single, split].map(
            (run) => Math.round((run.summary.inferenceMedianMs ?? 0) * 10) / 10,
          ),
          sameLandmarks: identical,
          speedup: Math.round((single.totalMs / split.totalMs) * 100) / 100,
          ...result,
          load: load(),
        };
        rows.push(row);
        log(
          `${clip} (round ${round + 1}): ${row.frames.join(" / ")} frames, ${row.totalMs.join(" / ")} ms ` +
            `(frame loop ${row.frameLoopMs.join(" / ")}; before it, page open to model ready ${row.warmMs.join(" / ")}, ` +
            `one worker's wait at the cut ${row.reloadMs ?? "none"}, ` +
            `workers busy ${JSON.stringify(row.workerBusy)}, worker ms a frame ${JSON.stringify(row.workerMsPerFrame)}, ` +
            `inference median ${row.inferenceMedianMs.join(" / ")} ms, ` +
            `cores the browser used ${row.browserCores.join(" / ")} of ${availableParallelism()}) ` +
            `→ ${row.speedup}×, seam ${row.seamMs === null ? "none" : `${Math.round(row.seamMs)} ms`}; ` +
            `reps ${result.reps.join(" / ")}, scores ${JSON.stringify(result.scores[0])} / ${JSON.stringify(result.scores[1])}, ` +
            `max score diff ${result.maxScoreDiff.toFixed(2)}, ${result.equal ? "same per-rep result" : "DIFFERENT per-rep result"}, ` +
            `${identical ? "every landmark the same" : "landmarks DIFFER"}; load ${row.load}`,
        );
        for (const [i, stages] of row.stages.entries())
          log(
            `    ${i === 0 ? "one worker " : "two workers"} per part: ${stages.parts}; ${stages.longTasks}`,
          );
      }
    } finally {
      release();
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(DIST_DIR, { recursive: true, force: true });
}

const reloadSumMs = reloadsMs.reduce((sum, ms) => sum + ms, 0);
const figures = {
  "pose.upload.speedupVsSingleWorker": Math.round((singleMs / splitMs) * 100) / 100,
  "pose.upload.frameLoopSpeedupVsSingleWorker": Math.round((singleLoopMs / splitLoopMs) * 100) / 100,
  // One worker hands over to a fresh one at the cut, started ahead: what is left of its load
  // there (the wait) taken out of the single runs.
  "pose.upload.speedupWithoutReload": Math.round(((singleMs - reloadSumMs) / splitMs) * 100) / 100,
  "pose.upload.reloadMedianMs": Math.round(reloadsMs.sort((a, b) => a - b)[reloadsMs.length >> 1] ?? 0),
  "pose.upload.busyShareOne": medianOf(busyOne),
  "pose.upload.busyShareTwo": [
    medianOf(busyTwo.map((b) => b[0] ?? 0)),
    medianOf(busyTwo.map((b) => b[1] ?? 0)),
  ],
  // Cores the browser's processes got, over all runs: well under 2 on two workers means other work
  // on the machine took the second core, and the speed-up above says more about the load than the app.
  "pose.upload.browserCores": cpuMs.map((ms, side) => Math.round((ms / (cpuWallMs[side] || 1)) * 100) / 100),
  // The browser's CPU per frame, all processes: two near one's means splitting wastes no CPU, so
  // two workers on two free cores would be about twice as fast.
  "pose.upload.browserCpuMsPerFrame": cpuMs.map(
    (ms, side) => Math.round((ms / (cpuFrames[side] || 1)) * 10) / 10,
  ),
  "pose.upload.splitSameReps": allEqual,
  "pose.upload.runsSameResult": sameResults,
  "pose.upload.runsSameLandmarks": sameLandmarks,
  clips: clips.length,
  rounds,
  loadAverage: load(),
};
log(
  `\nupload-split on ${clips.length} real clips × ${rounds} round(s), lite model, load average ${figures.loadAverage}:`,
);
log(
  `  speed-up, file picked to result, workers pre-warmed (two vs one)   ${figures["pose.upload.speedupVsSingleWorker"]}×  (goal ≥ 1.7× on a quiet 2-core machine)`,
);
log(
  `  speed-up, frame loop only                              ${figures["pose.upload.frameLoopSpeedupVsSingleWorker"]}×`,
);
log(
  `  workers' busy share of the frame loop, median of runs  one ${figures["pose.upload.busyShareOne"]}, two ${JSON.stringify(figures["pose.upload.busyShareTwo"])}`,
);
log(
  `  cores the browser got (CPU over wall), one / two        ${figures["pose.upload.browserCores"].join(" / ")} of ${availableParallelism()}`,
);
log(
  `  browser CPU a frame (all processes), one / two          ${figures["pose.upload.browserCpuMsPerFrame"].join(" / ")} ms`,
);
log(
  `  speed-up without one worker's wait at the cut          ${figures["pose.upload.speedupWithoutReload"]}×  (that wait: median ${figures["pose.upload.reloadMedianMs"]} ms)`,
);
log(`  per-rep result the same on every clip                  ${allEqual ? "yes" : "NO"}`);
log(`  runs with every landmark the same                      ${sameLandmarks} of ${rows.length}`);
if (values.json) process.stdout.write(`${JSON.stringify({ figures, rows })}\n`);
if (!allEqual) process.exitCode = 1;
