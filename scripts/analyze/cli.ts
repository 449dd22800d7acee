import { open, readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createFormEngine, type FormEngine } from "../../shared/form/index.ts";
import type { PoseFrame } from "../../shared/pose/index.ts";
import { sniffImage } from "../../web/features/analyze/sniff-image.ts";
import { sniffContainer } from "../../web/video/sniff-container.ts";
import { parseArgs, type CliOptions } from "./args.ts";
import { analyseInBrowser } from "./browser-run.ts";
import { AnalyzeCliError } from "./errors.ts";
import { parseLandmarkLines } from "./landmark-file.ts";
import { frameLine, humanReport, type Report } from "./output.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const LANDMARK_EXTENSIONS = new Set([".jsonl", ".ndjson"]);

type InputKind = "landmarks" | "image" | "video";

async function inputKind(path: string): Promise<InputKind> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new AnalyzeCliError("missing_input", `${path}: no such file.`);
  if (LANDMARK_EXTENSIONS.has(extname(path).toLowerCase())) return "landmarks";
  const handle = await open(path, "r");
  const head = new Uint8Array(16);
  try {
    await handle.read(head, 0, 16, 0);
  } finally {
    await handle.close();
  }
  if (sniffImage(head)) return "image";
  if (sniffContainer(head) !== "unknown") return "video";
  throw new AnalyzeCliError(
    "unreadable_input",
    `${path}: not a PNG/JPEG/WebP image, an MP4/MOV/WebM video or a .jsonl landmark file.`,
  );
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Judges frames as they arrive and prints `--json` lines; the engine needs them in time order. */
function frameSink(options: CliOptions, includePose: boolean) {
  const engine: FormEngine | null = options.exercise ? createFormEngine(options.exercise) : null;
  let frames = 0;
  let withPerson = 0;
  return {
    push(frame: PoseFrame) {
      frames += 1;
      if (frame.landmarks.length) withPerson += 1;
      const verdict = engine ? engine.push(frame) : null;
      if (options.json) write(JSON.stringify(frameLine(frame.tMs, includePose ? frame : null, verdict)));
    },
    counts: () => ({ frames, framesWithPerson: withPerson }),
    set: () => engine?.summary(),
  };
}

async function analyseLandmarkFile(options: CliOptions): Promise<Report> {
  const started = performance.now();
  const frames = parseLandmarkLines(await readFile(options.input, "utf8"), basename(options.input));
  const sink = frameSink(options, false);
  frames.forEach((frame) => sink.push(frame));
  return {
    input: options.input,
    kind: "landmarks",
    ...sink.counts(),
    timings: { totalMs: Math.round(performance.now() - started) },
    exercise: options.exercise,
    set: sink.set(),
  };
}

const tenths = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

async function analyseMedia(options: CliOptions, kind: "image" | "video"): Promise<Report> {
  const sink = frameSink(options, true);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const { summary, totalMs } = await analyseInBrowser(REPO_ROOT, resolve(options.input), {
    model: options.model,
    log,
    onFrame: (frame) => sink.push(frame),
  });
  return {
    input: options.input,
    kind,
    ...sink.counts(),
    model: summary.init.model,
    delegate: summary.init.delegate,
    decoder: summary.decoder,
    caveat: summary.caveat,
    codec: summary.codec,
    width: summary.width,
    height: summary.height,
    durationMs: summary.durationMs,
    timings: {
      initMs: Math.round(summary.init.initMs),
      wallMs: Math.round(summary.wallMs),
      totalMs: Math.round(totalMs),
      framesPerSecond: Math.round(summary.framesPerSecond * 10) / 10,
      realtimeFactor: summary.realtimeFactor === null ? null : Math.round(summary.realtimeFactor * 100) / 100,
      inferenceMedianMs: tenths(summary.inferenceMedianMs),
      roundTripMedianMs: tenths(summary.roundTripMedianMs),
    },
    exercise: options.exercise,
    set: sink.set(),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseArgs(argv);
  const kind = await inputKind(options.input);
  const report =
    kind === "landmarks" ? await analyseLandmarkFile(options) : await analyseMedia(options, kind);
  if (options.json) write(JSON.stringify({ summary: report }));
  else write(humanReport(report));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof AnalyzeCliError) {
      process.stderr.write(`analyze: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(
      `analyze: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
