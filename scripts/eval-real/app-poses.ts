// Landmarks of real clips as the app finds them: its own Analyze page, pose worker and model in
// headless Chromium, cached per clip, model and pipeline version.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { PoseFrame } from "../../shared/pose/index.ts";
import { analyseInBrowser } from "../analyze/browser-run.ts";
import { parseLandmarkLines } from "../analyze/landmark-file.ts";
import { frameLine } from "../analyze/output.ts";

export interface AppPoseOptions {
  repoRoot: string;
  model: "lite" | "full";
  /** Run the model again even when its landmarks for this exact file are cached. */
  fresh: boolean;
  log: (line: string) => void;
}

/** What turns a video into landmarks: the app's decoding, capture, pose worker and Analyze page. */
const PIPELINE_SOURCES = ["web/video", "web/pose", "web/features/analyze", "scripts/pose-assets"];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.(tsx?|mjs)$/.test(entry.name) && !/\.test\.(tsx?|mjs)$/.test(entry.name) ? [path] : [];
    });
}

/**
 * A hash of the pipeline's sources and MediaPipe's version: landmarks found by an older pipeline
 * (another input scaling, another frame source) are found again, not read from the cache. Once a
 * clip counted right from cached landmarks that the app by then no longer produced. Computed once
 * a run: the sources do not change under it.
 */
const pipelineHashes = new Map<string, string>();
function pipelineHash(repoRoot: string): string {
  const known = pipelineHashes.get(repoRoot);
  if (known) return known;
  const hash = createHash("sha256");
  hash.update(readFileSync(join(repoRoot, "node_modules/@mediapipe/tasks-vision/package.json")));
  for (const file of PIPELINE_SOURCES.flatMap((dir) => sourceFiles(join(repoRoot, dir)))) {
    hash.update(relative(repoRoot, file)).update(readFileSync(file));
  }
  const digest = hash.digest("hex").slice(0, 12);
  pipelineHashes.set(repoRoot, digest);
  return digest;
}

/**
 * The clip's landmarks from the app's own Analyze page, pose worker and MediaPipe model in
 * headless Chromium, as `npm run analyze` gets them. They are cached under .cache/ keyed by the
 * file's hash, the model and the pipeline's sources, since the engine, not the model, is what
 * changes between most runs.
 */
export async function posesOf(
  path: string,
  options: AppPoseOptions,
): Promise<{ frames: PoseFrame[]; cached: boolean }> {
  const hash = createHash("sha256").update(readFileSync(path)).digest("hex").slice(0, 16);
  const dir = join(options.repoRoot, ".cache/eval-real");
  const cache = join(
    dir,
    `${basename(path)}.${options.model}.${hash}.${pipelineHash(options.repoRoot)}.jsonl`,
  );
  if (!options.fresh && existsSync(cache)) {
    return { frames: parseLandmarkLines(readFileSync(cache, "utf8"), basename(cache)), cached: true };
  }
  options.log(`eval:real: finding poses in ${basename(path)} with the ${options.model} model…`);
  const lines: string[] = [];
  await analyseInBrowser(options.repoRoot, path, {
    model: options.model,
    log: options.log,
    onFrame: (frame) => {
      lines.push(JSON.stringify(frameLine(frame.tMs, frame, null)));
    },
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(cache, lines.join("\n"));
  return { frames: parseLandmarkLines(lines.join("\n"), basename(path)), cached: false };
}
