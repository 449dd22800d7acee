import { canDecode, decodeFrames, type FrameRange, type TimedFrame } from "./webcodecs-frames";
import { loadVideoElement, releaseVideoElement, seekFrames } from "./element-frames";
import { readContainer, type ContainerName, type ContainerVideo } from "./read-container";
import { VideoReadError } from "./types";

export type { TimedFrame, FrameRange } from "./webcodecs-frames";

/** A video file ready to be read frame by frame. */
export interface VideoSource {
  decoder: "webcodecs" | "video-element";
  /** Why frames may be missing or repeated, when the decoding path cannot promise every frame (English, for logs and scripts). */
  caveat?: string;
  /** The same as a code, for the page to word: read by seeking a `<video>`, or at an assumed frame rate. */
  caveatCode?: VideoCaveat;
  container: ContainerName | "unknown";
  codec: string;
  /** Frames the file holds (an estimate from the duration when the container could not be read). */
  frameCount: number;
  /** Presentation time of every frame, ascending (assumed times when the container was unreadable). */
  frameTimesMs: number[];
  durationMs: number;
  width: number;
  height: number;
  /** The frames of `range` (all by default), in presentation order. */
  frames(options?: FrameRange & { signal?: AbortSignal }): AsyncGenerator<TimedFrame>;
  /** Releases the file reader; frames cannot be read after. */
  close(): void;
}

/** Frame rate assumed when the container cannot be read. */
export const FALLBACK_FPS = 30;

export type VideoCaveat = "element_decoder" | "assumed_fps";

/**
 * Opens a video file: reads its container piece by piece and decodes with WebCodecs when the
 * browser supports the codec, otherwise falls back to seeking a `<video>` element frame by frame.
 */
export async function openVideo(file: Blob): Promise<VideoSource> {
  let video: ContainerVideo | null = null;
  try {
    video = await readContainer(file);
  } catch (error) {
    // The browser's own player may still read a container mediabunny cannot; a file with no
    // video track is hopeless either way.
    if (!(error instanceof VideoReadError) || error.code === "no_video_track") throw error;
  }
  if (video?.decoderConfig && (await canDecode(video.decoderConfig))) {
    const config = video.decoderConfig;
    const container = video;
    return {
      decoder: "webcodecs",
      container: container.container,
      codec: container.codec,
      frameCount: container.frameTimesMs.length,
      frameTimesMs: container.frameTimesMs,
      durationMs: container.durationMs,
      width: container.width,
      height: container.height,
      frames: (options = {}) => decodeFrames(container.packets(options.fromMs), config, options),
      close: () => container.close(),
    };
  }
  video?.close();
  return openWithElement(file, video);
}

function inRange(tMs: number, { fromMs = -Infinity, toMs = Infinity }: FrameRange): boolean {
  return tMs >= fromMs && tMs < toMs;
}

async function openWithElement(file: Blob, video: ContainerVideo | null): Promise<VideoSource> {
  const probe = await loadVideoElement(file).catch(() => {
    throw new VideoReadError("unknown_format", "This file is not a video the browser can read.");
  });
  const durationMs = probe.duration * 1000;
  const size = { width: probe.videoWidth, height: probe.videoHeight };
  releaseVideoElement(probe);
  const stepMs = 1000 / FALLBACK_FPS;
  const timesMs =
    video?.frameTimesMs ?? Array.from({ length: Math.floor(durationMs / stepMs) }, (_, i) => i * stepMs);
  return {
    decoder: "video-element",
    container: video?.container ?? "unknown",
    codec: video?.codec ?? "unknown",
    frameCount: timesMs.length,
    frameTimesMs: timesMs,
    caveatCode: video ? "element_decoder" : "assumed_fps",
    caveat: video
      ? "This browser cannot decode the codec directly: frames were read by seeking a video element."
      : `The container could not be read: frames were sampled at an assumed ${FALLBACK_FPS} fps, so some may be skipped or repeated.`,
    durationMs,
    ...size,
    frames: (options = {}) =>
      seekFrames(file, { timesMs: timesMs.filter((t) => inRange(t, options)), signal: options.signal }),
    close: () => undefined,
  };
}
