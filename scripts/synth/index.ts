import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EXERCISE_MODELS } from "./exercises/index.ts";
import { setWebmDuration } from "./inspect.ts";
import { GENERATOR_VERSION, normalizeParams, paramsHash, type SynthParamsInput } from "./params.ts";
import { cameraFor } from "./projection.ts";
import {
  measureSegments,
  openRenderer,
  renderClip,
  renderStill,
  setupScene,
  type Renderer,
} from "./render.ts";
import { frameTimeline, resampleIndices } from "./schedule.ts";
import { truthFrame, truthReps } from "./truth.ts";
import { LANDMARK_NAMES, type SynthParams, type SynthTruth } from "./types.ts";

export type * from "./types.ts";
export { normalizeParams, paramsHash, parseFaultSpec, GENERATOR_VERSION } from "./params.ts";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CACHE_ROOT = join(REPO_ROOT, ".cache/synth");

/** Chromium's `--use-file-for-fake-video-capture` plays `.mjpeg` files at this fixed rate. */
export const MJPEG_FPS = 30;

const FILES = {
  video: "video.webm",
  mjpeg: "camera.mjpeg",
  truth: "truth.json",
  png: "pose.png",
  jpeg: "pose.jpg",
} as const;

export interface SynthResult {
  dir: string;
  mjpegPath: string;
  videoPath: string;
  truthPath: string;
  imagePath: string;
  jpegImagePath: string;
  params: SynthParams;
  /** True when the clip came from the cache rather than being rendered now. */
  cached: boolean;
}

function resultFor(dir: string, params: SynthParams, cached: boolean): SynthResult {
  return {
    dir,
    mjpegPath: join(dir, FILES.mjpeg),
    videoPath: join(dir, FILES.video),
    truthPath: join(dir, FILES.truth),
    imagePath: join(dir, FILES.png),
    jpegImagePath: join(dir, FILES.jpeg),
    params,
    cached,
  };
}

async function complete(dir: string): Promise<boolean> {
  const sizes = await Promise.all(
    Object.values(FILES).map((f) =>
      stat(join(dir, f)).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  return sizes.every((size) => size > 0);
}

async function renderInto(renderer: Renderer, dir: string, params: SynthParams): Promise<void> {
  renderer.server.setUploadDir(dir);
  const model = EXERCISE_MODELS[params.exercise];
  const camera = cameraFor(params);
  const { restPivots } = await setupScene(renderer, {
    width: params.width,
    height: params.height,
    background: params.background,
    figure: params.figure,
    camera,
  });
  const segments = measureSegments(restPivots);
  const timeline = frameTimeline(params);
  const poseFor = (rep: number, progress: number) =>
    model.pose({ progress, depth: params.depth, faults: params.faults[rep] ?? [], segments });
  const mjpegFrameIndices = resampleIndices(timeline.frames.length, params.fps, MJPEG_FPS);
  const { points, spentMs } = await renderClip(renderer, {
    postures: timeline.frames.map((f) => poseFor(f.rep, f.progress)),
    fps: params.fps,
    mjpegFrameIndices,
    keyFrameInterval: Math.max(1, Math.round(params.fps)),
    jpegQuality: params.jpegQuality,
    videoName: FILES.video,
    mjpegName: FILES.mjpeg,
  });
  if (process.env.SYNTH_DEBUG) console.log("page time (ms)", spentMs);
  const frames = timeline.frames.map((timing, i) => truthFrame(timing, points[i]!, camera, params));
  // The still is the bottom of rep 1, or the standing start pose when there are no reps.
  const stillRep = params.reps > 0 ? 1 : 0;
  const stillProgress = stillRep;
  const still = await renderStill(renderer, {
    posture: poseFor(stillRep, stillProgress),
    pngName: FILES.png,
    jpegName: FILES.jpeg,
    jpegQuality: params.jpegQuality,
  });
  const truth: SynthTruth = {
    generatorVersion: GENERATOR_VERSION,
    params,
    fps: params.fps,
    frameCount: frames.length,
    durationMs: (frames.length * 1000) / params.fps,
    width: params.width,
    height: params.height,
    mjpeg: { fps: MJPEG_FPS, frameCount: mjpegFrameIndices.length, truthFrameIndex: mjpegFrameIndices },
    camera,
    landmarkNames: LANDMARK_NAMES,
    frames,
    reps: truthReps(timeline.reps, frames, model, params),
    still: truthFrame(
      { index: 0, tMs: 0, rep: stillRep, phase: stillRep ? "bottom" : "setup", progress: stillProgress },
      still.points,
      camera,
      params,
    ),
  };
  const videoPath = join(dir, FILES.video);
  const video = new Uint8Array(await readFile(videoPath));
  setWebmDuration(video, truth.durationMs);
  await writeFile(videoPath, video);
  await writeFile(join(dir, FILES.truth), JSON.stringify(truth));
}

/**
 * Renders a synthetic exercise clip (WebM, 30 fps MJPEG for the fake camera, PNG/JPEG still) with its
 * ground truth, or returns the cached one from `.cache/synth/<hash>/`.
 */
export async function generateSynth(
  input: SynthParamsInput = {},
  options: { renderer?: Renderer; force?: boolean } = {},
): Promise<SynthResult> {
  const params = normalizeParams(input);
  const dir = join(CACHE_ROOT, paramsHash(params));
  if (!options.force && (await complete(dir))) return resultFor(dir, params, true);
  // Render into a private directory and rename, so a concurrent reader never sees half a clip.
  const work = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await mkdir(work, { recursive: true });
  const renderer = options.renderer ?? (await openRenderer(REPO_ROOT));
  try {
    await renderInto(renderer, work, params);
    // Another process may have finished the same clip meanwhile; keep theirs, readers may be on it.
    if (!options.force && (await complete(dir))) await rm(work, { recursive: true, force: true });
    else {
      await rm(dir, { recursive: true, force: true });
      await rename(work, dir);
    }
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  } finally {
    if (!options.renderer) await renderer.close();
  }
  return resultFor(dir, params, false);
}

/** Reads a clip's ground truth. The file is our own output, but it is still checked before use. */
export async function readTruth(truthPath: string): Promise<SynthTruth> {
  const parsed: unknown = JSON.parse(await readFile(truthPath, "utf8"));
  if (!isTruth(parsed)) throw new Error(`${truthPath} is not synth ground truth`);
  return parsed;
}

function isTruth(value: unknown): value is SynthTruth {
  if (!value || typeof value !== "object") return false;
  const v = value as Partial<Record<keyof SynthTruth, unknown>>;
  return (
    v.generatorVersion === GENERATOR_VERSION &&
    typeof v.fps === "number" &&
    typeof v.frameCount === "number" &&
    Array.isArray(v.frames) &&
    v.frames.length === v.frameCount &&
    Array.isArray(v.reps)
  );
}
