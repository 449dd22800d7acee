// Structural checks of generated files, used by tests: no decoding, just the container layout.

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

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } {
  const first = bytes[at];
  if (first === undefined || first === 0)
    throw new WebmParseError(`bad EBML variable-length integer at ${at}`);
  const length = Math.clz32(first) - 23;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value: !keepMarker && allOnes ? Number.POSITIVE_INFINITY : value, length };
}

function readUint(bytes: Uint8Array, start: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + (bytes[start + i] ?? 0);
  return value;
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
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (start: number, size: number) =>
    new TextDecoder().decode(bytes.subarray(start, start + size)).replace(/\0+$/, "");
  const walk = (start: number, end: number): void => {
    let at = start;
    while (at < end) {
      const id = readVint(bytes, at, true);
      const size = readVint(bytes, at + id.length, false);
      const body = at + id.length + size.length;
      const bodyEnd = Math.min(end, body + size.value);
      if (MASTERS.has(id.value)) walk(body, bodyEnd);
      else if (id.value === ID.docType) summary.docType = text(body, size.value);
      else if (id.value === ID.codecId) summary.codecId = text(body, size.value);
      else if (id.value === ID.pixelWidth) summary.width = readUint(bytes, body, size.value);
      else if (id.value === ID.pixelHeight) summary.height = readUint(bytes, body, size.value);
      else if (id.value === ID.timecodeScale) timecodeScaleNs = readUint(bytes, body, size.value);
      else if (id.value === ID.duration) {
        summary.durationField = { offset: body, size: size.value };
        durationTicks = size.value === 4 ? view.getFloat32(body) : view.getFloat64(body);
      } else if (id.value === ID.simpleBlock || id.value === ID.block) {
        summary.blockCount++;
        const track = readVint(bytes, body, false);
        // SimpleBlock flags follow track number and 16-bit timecode; bit 7 marks a keyframe.
        if (id.value === ID.simpleBlock && ((bytes[body + track.length + 2] ?? 0) & 0x80) !== 0)
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
