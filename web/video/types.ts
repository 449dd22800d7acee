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
