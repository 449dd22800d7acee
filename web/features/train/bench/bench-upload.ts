import type { PoseClient } from "../../../pose/pose-client";
import { openVideo } from "../../../video/open-video";

// The same worker ran the live pass first; VIDEO mode needs timestamps that keep increasing.
const UPLOAD_CLOCK_OFFSET_MS = 1e7;

/**
 * Analyses every frame of a WebM in order, as an upload is analysed: decoded with WebCodecs and
 * sent to the worker one after another. Returns clip duration over wall time.
 */
export async function runUpload(
  client: PoseClient,
  videoUrl: string,
): Promise<{ realtimeFactor: number; frames: number }> {
  const video = await openVideo(await (await fetch(videoUrl)).blob());
  const start = performance.now();
  let frames = 0;
  let previous: Promise<unknown> = Promise.resolve();
  for await (const { frame, tMs } of video.frames()) {
    // One frame decodes while the one before is analysed; the worker still sees them in order.
    const current = client.detect(frame, UPLOAD_CLOCK_OFFSET_MS + tMs);
    frames += 1;
    await previous;
    previous = current;
  }
  await previous;
  video.close();
  const wallMs = performance.now() - start;
  return { realtimeFactor: video.durationMs / wallMs, frames };
}
