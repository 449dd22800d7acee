// Structural checks of generated files, used by tests: no decoding, just the container layout.
import { readFloat, readHeader, readString, readUint, readVint, UNKNOWN_SIZE } from "./ebml.ts";

/** Byte ranges of the JPEG images concatenated in an MJPEG file (each SOI … EOI). */
export function mjpegFrames(bytes: Uint8Array): { start: number; end: number }[] {
  const frames: { start: number; end: number }[] = [];
  let start = -1;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xff) continue;
    const marker = bytes[i + 1];
    // FF D8 never occurs inside entropy-coded data (only FF 00 and restart markers do).
    if (marker === 0xd8 && start < 0) start = i;
    else if (marker === 0xd9 && start >= 0) {
      frames.push({ start, end: i + 2 });
      start = -1;
    }
  }
  return frames;
}

export interface WebmSummary {
  /** Where the Segment Info Duration float sits, so it can be corrected in place. */
  durationField: { offset: number; size: number } | null;
  timecodeScaleNs: number;
  docType: string;
  codecId: string;
  width: number;
  height: number;
  durationMs: number;
  /** SimpleBlocks and Blocks: one per video frame for a video-only file. */
  blockCount: number;
  keyFrameCount: number;
}

const ID = {
  ebml: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  codecId: 0x86,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
  blockGroup: 0xa0,
  simpleBlock: 0xa3,
  block: 0xa1,
} as const;

const MASTERS = new Set<number>([
  ID.ebml,
  ID.segment,
  ID.info,
  ID.tracks,
  ID.trackEntry,
  ID.video,
  ID.cluster,
  ID.blockGroup,
]);

export class WebmParseError extends Error {
  readonly code = "WEBM_PARSE";
}

/** Walks a WebM's EBML tree and summarises what a player needs: codec, size, duration, frames. */
export function summarizeWebm(bytes: Uint8Array): WebmSummary {
  const summary: WebmSummary = {
    durationField: null,
    timecodeScaleNs: 1_000_000,
    docType: "",
    codecId: "",
    width: 0,
    height: 0,
    durationMs: 0,
    blockCount: 0,
    keyFrameCount: 0,
  };
  let timecodeScaleNs = 1_000_000;
  let durationTicks = 0;
  const walk = (start: number, end: number): void => {
    let at = start;
    while (at < end) {
      const header = readHeader(bytes, at);
      if (!header) throw new WebmParseError(`bad EBML element header at ${at}`);
      const { id, size, dataStart: body } = header;
      const bodyEnd = size === UNKNOWN_SIZE ? end : Math.min(end, body + size);
      if (MASTERS.has(id)) walk(body, bodyEnd);
      else if (id === ID.docType) summary.docType = readString(bytes, body, size);
      else if (id === ID.codecId) summary.codecId = readString(bytes, body, size);
      else if (id === ID.pixelWidth) summary.width = readUint(bytes, body, size);
      else if (id === ID.pixelHeight) summary.height = readUint(bytes, body, size);
      else if (id === ID.timecodeScale) timecodeScaleNs = readUint(bytes, body, size);
      else if (id === ID.duration) {
        summary.durationField = { offset: body, size };
        durationTicks = readFloat(bytes, body, size);
      } else if (id === ID.simpleBlock || id === ID.block) {
        summary.blockCount++;
        const track = readVint(bytes, body);
        // SimpleBlock flags follow track number and 16-bit timecode; bit 7 marks a keyframe.
        if (id === ID.simpleBlock && track && ((bytes[body + track.length + 2] ?? 0) & 0x80) !== 0)
          summary.keyFrameCount++;
      }
      at = bodyEnd;
    }
  };
  walk(0, bytes.length);
  summary.timecodeScaleNs = timecodeScaleNs;
  summary.durationMs = (durationTicks * timecodeScaleNs) / 1e6;
  return summary;
}

/**
 * webm-muxer records the last frame's start as the duration; players then report the clip one frame
 * short. Rewrites the Duration float so it covers the last frame too.
 */
export function setWebmDuration(bytes: Uint8Array, durationMs: number): void {
  const { durationField, timecodeScaleNs } = summarizeWebm(bytes);
  if (!durationField) throw new WebmParseError("WebM has no Duration element");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ticks = (durationMs * 1e6) / timecodeScaleNs;
  if (durationField.size === 4) view.setFloat32(durationField.offset, ticks);
  else view.setFloat64(durationField.offset, ticks);
}
