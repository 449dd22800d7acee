import { demuxMp4 } from "./mp4-demux";
import { demuxWebm } from "./webm-demux";
import { canDecode, decodeFrames, type TimedFrame } from "./webcodecs-frames";
import { loadVideoElement, releaseVideoElement, seekFrames } from "./element-frames";
import { VideoReadError, type DemuxedVideo } from "./types";
import { sniffContainer } from "./sniff-container";

export type { TimedFrame } from "./webcodecs-frames";

/** A video file ready to be read frame by frame. */
export interface VideoSource {
  decoder: "webcodecs" | "video-element";
  /** Why frames may be missing or repeated, when the decoding path cannot promise every frame. */
  caveat?: string;
  container: "mp4" | "webm" | "unknown";
  codec: string;
  /** Frames the file holds (an estimate from the duration when the container could not be read). */
  frameCount: number;
  durationMs: number;
  width: number;
  height: number;
  frames(signal?: AbortSignal): AsyncGenerator<TimedFrame>;
}

const FALLBACK_FPS = 30;

export function demux(bytes: Uint8Array): DemuxedVideo {
  const kind = sniffContainer(bytes.subarray(0, 12));
  if (kind === "webm") return demuxWebm(bytes);
  if (kind === "mp4") return demuxMp4(bytes);
  throw new VideoReadError("unknown_format", "This is not an MP4, MOV or WebM video.");
}

function presentationTimesMs(video: DemuxedVideo): number[] {
  return video.samples.map((s) => s.timestampUs / 1000).sort((a, b) => a - b);
}

/**
 * Opens a video file: demuxes it and decodes with WebCodecs when the browser supports the codec,
 * otherwise falls back to seeking a `<video>` element frame by frame.
 */
export async function openVideo(file: Blob): Promise<VideoSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let video: DemuxedVideo | null = null;
  try {
    video = demux(bytes);
  } catch (error) {
    if (!(error instanceof VideoReadError) || error.code === "no_video_track") throw error;
  }
  if (video && (await canDecode(video))) {
    const demuxed = video;
    return {
      decoder: "webcodecs",
      container: demuxed.container,
      codec: demuxed.codec,
      frameCount: demuxed.samples.length,
      durationMs: demuxed.durationMs,
      width: demuxed.codedWidth,
      height: demuxed.codedHeight,
      frames: (signal) => decodeFrames(demuxed, signal),
    };
  }
  return openWithElement(file, video);
}

async function openWithElement(file: Blob, video: DemuxedVideo | null): Promise<VideoSource> {
  const probe = await loadVideoElement(file).catch(() => {
    throw new VideoReadError("unknown_format", "This file is not a video the browser can read.");
  });
  const durationMs = probe.duration * 1000;
  const size = { width: probe.videoWidth, height: probe.videoHeight };
  releaseVideoElement(probe);
  const timesMs = video ? presentationTimesMs(video) : undefined;
  return {
    decoder: "video-element",
    container: video?.container ?? "unknown",
    codec: video?.codec ?? "unknown",
    frameCount: timesMs?.length ?? Math.floor((durationMs * FALLBACK_FPS) / 1000),
    caveat: timesMs
      ? "This browser cannot decode the codec directly: frames were read by seeking a video element."
      : `The container could not be read: frames were sampled at an assumed ${FALLBACK_FPS} fps, so some may be skipped or repeated.`,
    durationMs,
    ...size,
    frames: (signal) => seekFrames(file, { timesMs, assumedFps: FALLBACK_FPS, signal }),
  };
}
