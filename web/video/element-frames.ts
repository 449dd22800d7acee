import type { TimedFrame } from "./webcodecs-frames";
import { VideoReadError } from "./types";

function once(target: EventTarget, type: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = () => reject(new VideoReadError("decode_failed", "The browser cannot play this video."));
    const onAbort = () => reject(signal?.reason);
    target.addEventListener(type, () => resolve(), { once: true });
    target.addEventListener("error", onError, { once: true });
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A `<video>` element loaded with the file, for the fallback path and for playback. */
export async function loadVideoElement(file: Blob, signal?: AbortSignal): Promise<HTMLVideoElement> {
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  video.preload = "auto";
  const loaded = once(video, "loadeddata", signal);
  video.src = URL.createObjectURL(file);
  await loaded;
  return video;
}

export function releaseVideoElement(video: HTMLVideoElement): void {
  URL.revokeObjectURL(video.src);
  video.removeAttribute("src");
  video.load();
}

/**
 * Fallback when WebCodecs cannot decode: seeks a `<video>` frame by frame (playback with
 * requestVideoFrameCallback skips frames whenever inference is slower than real time). Frame
 * times come from the container when it could be read, else from an assumed frame rate.
 */
export async function* seekFrames(
  file: Blob,
  options: { timesMs: number[]; signal?: AbortSignal },
): AsyncGenerator<TimedFrame> {
  const video = await loadVideoElement(file, options.signal);
  try {
    const durationMs = video.duration * 1000;
    for (const [index, tMs] of options.timesMs.entries()) {
      options.signal?.throwIfAborted();
      const seeked = once(video, "seeked", options.signal);
      // Aim a little past the frame's start so rounding never lands on the previous frame.
      video.currentTime = Math.min(tMs + 1, durationMs) / 1000;
      await seeked;
      yield { frame: new VideoFrame(video, { timestamp: Math.round(tMs * 1000) }), tMs, index };
    }
  } finally {
    releaseVideoElement(video);
  }
}
