/** One compressed video frame as the container stores it. */
export interface EncodedSample {
  /** Presentation time in microseconds from the start of the track. */
  timestampUs: number;
  durationUs: number;
  key: boolean;
  data: Uint8Array;
}

/** The video track of a file, demuxed into compressed samples ready for `VideoDecoder`. */
export interface DemuxedVideo {
  container: "mp4" | "webm";
  /** WebCodecs codec string, e.g. `vp8`, `avc1.64001f`. */
  codec: string;
  codedWidth: number;
  codedHeight: number;
  /** Codec configuration (avcC, hvcC, ...) when the codec needs one. */
  description?: Uint8Array;
  /** Samples in decode order. */
  samples: EncodedSample[];
  durationMs: number;
}

/** Errors from reading a video file; `code` says which step failed. */
export class VideoReadError extends Error {
  constructor(
    readonly code: "unknown_format" | "corrupt" | "no_video_track" | "unsupported_codec" | "decode_failed",
    message: string,
  ) {
    super(message);
    this.name = "VideoReadError";
  }
}
