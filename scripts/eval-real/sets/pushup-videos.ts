import { readdirSync } from "node:fs";
import { join } from "node:path";
import { posesOf, type AppPoseOptions } from "../app-poses.ts";
import { readCsv } from "../csv.ts";
import type { SetResult } from "../result.ts";
import { loadPushups, scorePushups, type PushupClip } from "./pushups.ts";

/**
 * The push-up clips again, from their videos through the app's own pipeline and model (what a user
 * who picks the video meets), beside the same clips scored from the data's own landmarks (MediaPipe's
 * full model on every frame): how much of the figure the app's capture and lite model keep.
 */
export async function evaluatePushupVideos(
  dir: string,
  options: AppPoseOptions & {
    /** Judge from the image points alone, as the data's own landmarks are (no world points). */
    imageOnly: boolean;
  },
): Promise<SetResult> {
  const labels = new Map(
    readCsv(join(dir, "clips.csv")).rows.map(([clip = "", label = ""]) => [clip, label]),
  );
  const files = readdirSync(join(dir, "videos"))
    .filter((f) => f.endsWith(".mp4") && labels.has(f.replace(/\.mp4$/, "")))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const clips: PushupClip[] = [];
  let cached = 0;
  for (const [i, file] of files.entries()) {
    const clip = file.replace(/\.mp4$/, "");
    const poses = await posesOf(join(dir, "videos", file), options);
    if (poses.cached) cached++;
    else options.log(`eval:real: push-up videos ${i + 1}/${files.length}`);
    const frames = options.imageOnly
      ? poses.frames.map(({ worldLandmarks: _, ...imageOnly }) => imageOnly)
      : poses.frames;
    clips.push({ clip, label: labels.get(clip) === "wrong" ? "wrong" : "correct", frames });
  }
  const result = scorePushups(
    clips,
    "pushup-videos",
    (n) =>
      `the push-up clips' videos (${n}) through the app's own worker and ${options.model} model` +
      (options.imageOnly ? ", judged from image points only" : ""),
  );
  const names = new Set(clips.map((c) => c.clip));
  const fromLandmarks = scorePushups(
    loadPushups(dir).filter((c) => names.has(c.clip)),
    "pushups",
    () => "",
  );
  return {
    ...result,
    figures: [
      ...result.figures,
      {
        name: "the same clips from the data's landmarks (full model)",
        value: fromLandmarks.figures[0]?.value ?? null,
        unit: "rate",
      },
    ],
    details: [
      ...result.details,
      `poses: ${cached} of ${files.length} clips from the cache in .cache/eval-real`,
    ],
  };
}
