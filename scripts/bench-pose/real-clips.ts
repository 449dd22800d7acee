// The real clips in ../shared/realdata/videos, served to the bench pages without copying them: a
// private media folder of symlinks (plus the MediaPipe bundle and an empty page for the floor).
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./browser.ts";

export const REALDATA_VIDEOS = join(REPO_ROOT, "../shared/realdata/videos");

export interface RealClip {
  name: string;
  /** Path under /__media/ of the served media folder. */
  url: string;
  widthPx: number;
  heightPx: number;
  durationS: number;
}

/** The clips with their own resolution (from each `.truth.json`), or null when the folder is absent. */
export function listRealClips(): RealClip[] | null {
  if (!existsSync(REALDATA_VIDEOS)) return null;
  return readdirSync(REALDATA_VIDEOS)
    .filter((f) => f.endsWith(".mp4"))
    .sort()
    .map((file) => {
      const name = file.replace(/\.mp4$/, "");
      const truth = JSON.parse(readFileSync(join(REALDATA_VIDEOS, `${name}.truth.json`), "utf8")) as {
        resolution: string;
        duration_s: number;
      };
      const [widthPx = 0, heightPx = 0] = truth.resolution.split("x").map(Number);
      return { name, url: `/__media/real/${file}`, widthPx, heightPx, durationS: truth.duration_s };
    });
}

/** Times (s) of `count` frames spread over the clip, 0.2 s apart (tracking holds), from 0.5 s. */
export function frameTimes(clip: RealClip, count: number): number[] {
  const stepS = Math.min(0.2, (clip.durationS - 1) / count);
  // Whole frames at 30 fps, so both pages decode exactly the same picture.
  return Array.from({ length: count }, (_, i) => Math.round((0.5 + i * stepS) * 30) / 30 + 1 / 60);
}

/**
 * A media folder for `serveApp`: `real/` links to the clips, `vision_bundle.mjs` to MediaPipe's
 * own bundle, `bare.html` an empty page. Remove it with the returned function.
 */
export function makeMediaDir(extra: Record<string, string> = {}): { dir: string; remove(): void } {
  const dir = join(REPO_ROOT, `.cache/bench-pose/media-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (existsSync(REALDATA_VIDEOS)) symlinkSync(REALDATA_VIDEOS, join(dir, "real"));
  symlinkSync(
    join(REPO_ROOT, "node_modules/@mediapipe/tasks-vision/vision_bundle.mjs"),
    join(dir, "vision_bundle.mjs"),
  );
  writeFileSync(join(dir, "bare.html"), "<!doctype html><meta charset=utf-8><title>bare</title>\n");
  for (const [name, target] of Object.entries(extra)) symlinkSync(target, join(dir, name));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
