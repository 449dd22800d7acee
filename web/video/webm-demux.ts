import { readFloat, readHeader, readString, readUint, readVint, UNKNOWN_SIZE } from "./ebml";
import { VideoReadError, type DemuxedVideo, type EncodedSample } from "./types";

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackType: 0x83,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  defaultDurationNs: 0x23e383,
  cluster: 0x1f43b675,
  timecode: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
  referenceBlock: 0xfb,
} as const;

// Containers we step into instead of skipping. Their children have IDs unique enough to read
// without tracking the parent, which also copes with unknown-size Segments and Clusters.
const DESCEND = new Set<number>([ID.segment, ID.info, ID.tracks, ID.trackEntry, ID.video, ID.cluster]);

interface TrackInfo {
  number: number;
  type: number;
  codecId: string;
  codecPrivate?: Uint8Array;
  width: number;
  height: number;
  defaultDurationNs: number;
}

interface RawBlock {
  track: number;
  timecode: number;
  key: boolean;
  data: Uint8Array;
}

/** The WebCodecs codec string for a Matroska codec ID, or null when we cannot decode it. */
function webCodecsCodec(track: TrackInfo): string | null {
  switch (track.codecId) {
    case "V_VP8":
      return "vp8";
    case "V_VP9":
      return "vp09.00.10.08";
    case "V_AV1":
      return "av01.0.08M.08";
    case "V_MPEG4/ISO/AVC": {
      const p = track.codecPrivate;
      if (!p || p.length < 4) return null;
      const hex = (n: number) => n.toString(16).padStart(2, "0");
      return `avc1.${hex(p[1]!)}${hex(p[2]!)}${hex(p[3]!)}`;
    }
    default:
      return null;
  }
}

function parseBlock(
  bytes: Uint8Array,
  start: number,
  end: number,
  simple: boolean,
  hasReference: boolean,
): RawBlock {
  const track = readVint(bytes, start);
  if (!track || start + track.length + 3 > end)
    throw new VideoReadError("corrupt", "A WebM block is cut short.");
  const at = start + track.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 3);
  const flags = view.getUint8(2);
  if (flags & 0x06) throw new VideoReadError("corrupt", "Laced video blocks are not supported.");
  return {
    track: track.value,
    timecode: view.getInt16(0),
    key: simple ? (flags & 0x80) !== 0 : !hasReference,
    data: bytes.subarray(at + 3, end),
  };
}

function blockGroup(bytes: Uint8Array, start: number, end: number): RawBlock | null {
  let blockAt: [number, number] | null = null;
  let hasReference = false;
  for (let at = start; at < end;) {
    const h = readHeader(bytes, at);
    if (!h || h.size === UNKNOWN_SIZE) break;
    if (h.id === ID.block) blockAt = [h.dataStart, h.dataStart + h.size];
    if (h.id === ID.referenceBlock) hasReference = true;
    at = h.dataStart + h.size;
  }
  return blockAt ? parseBlock(bytes, blockAt[0], blockAt[1], false, hasReference) : null;
}

/** Demuxes the first video track of a WebM/Matroska file held in memory. */
export function demuxWebm(bytes: Uint8Array): DemuxedVideo {
  const first = readHeader(bytes, 0);
  if (!first || first.id !== ID.ebml) throw new VideoReadError("unknown_format", "Not a WebM file.");
  const tracks: TrackInfo[] = [];
  const blocks: { block: RawBlock; clusterTimecode: number }[] = [];
  let timecodeScaleNs = 1_000_000;
  let durationTicks = 0;
  let clusterTimecode = 0;
  let track: TrackInfo | null = null;
  let at = 0;
  while (at < bytes.length) {
    const h = readHeader(bytes, at);
    if (!h) break;
    const end = h.size === UNKNOWN_SIZE ? bytes.length : Math.min(h.dataStart + h.size, bytes.length);
    if (DESCEND.has(h.id)) {
      if (h.id === ID.trackEntry) {
        track = { number: 0, type: 0, codecId: "", width: 0, height: 0, defaultDurationNs: 0 };
        tracks.push(track);
      }
      at = h.dataStart;
      continue;
    }
    if (h.size === UNKNOWN_SIZE) throw new VideoReadError("corrupt", "A WebM element has no size.");
    // A file cut off mid-element (an interrupted download or recording): keep the whole frames.
    if (h.dataStart + h.size > bytes.length) break;
    const size = end - h.dataStart;
    switch (h.id) {
      case ID.timecodeScale:
        timecodeScaleNs = readUint(bytes, h.dataStart, size);
        break;
      case ID.duration:
        durationTicks = readFloat(bytes, h.dataStart, size);
        break;
      case ID.trackNumber:
        if (track) track.number = readUint(bytes, h.dataStart, size);
        break;
      case ID.trackType:
        if (track) track.type = readUint(bytes, h.dataStart, size);
        break;
      case ID.codecId:
        if (track) track.codecId = readString(bytes, h.dataStart, size);
        break;
      case ID.codecPrivate:
        if (track) track.codecPrivate = bytes.slice(h.dataStart, end);
        break;
      case ID.pixelWidth:
        if (track) track.width = readUint(bytes, h.dataStart, size);
        break;
      case ID.pixelHeight:
        if (track) track.height = readUint(bytes, h.dataStart, size);
        break;
      case ID.defaultDurationNs:
        if (track) track.defaultDurationNs = readUint(bytes, h.dataStart, size);
        break;
      case ID.timecode:
        clusterTimecode = readUint(bytes, h.dataStart, size);
        break;
      case ID.simpleBlock:
        blocks.push({ block: parseBlock(bytes, h.dataStart, end, true, false), clusterTimecode });
        break;
      case ID.blockGroup: {
        const block = blockGroup(bytes, h.dataStart, end);
        if (block) blocks.push({ block, clusterTimecode });
        break;
      }
    }
    at = end;
  }
  return toDemuxed(tracks, blocks, timecodeScaleNs, durationTicks);
}

function toDemuxed(
  tracks: TrackInfo[],
  blocks: { block: RawBlock; clusterTimecode: number }[],
  timecodeScaleNs: number,
  durationTicks: number,
): DemuxedVideo {
  const video = tracks.find((t) => t.type === 1);
  if (!video) throw new VideoReadError("no_video_track", "The file has no video track.");
  const codec = webCodecsCodec(video);
  if (!codec) throw new VideoReadError("unsupported_codec", `Video codec ${video.codecId} is not supported.`);
  const tickUs = timecodeScaleNs / 1000;
  const samples: EncodedSample[] = blocks
    .filter(({ block }) => block.track === video.number)
    .map(({ block, clusterTimecode }) => ({
      timestampUs: Math.round((clusterTimecode + block.timecode) * tickUs),
      durationUs: video.defaultDurationNs / 1000,
      key: block.key,
      data: block.data,
    }));
  if (samples.length === 0) throw new VideoReadError("corrupt", "The video track has no frames.");
  fillDurations(samples);
  const last = samples.reduce((a, b) => (b.timestampUs > a.timestampUs ? b : a));
  const durationMs =
    durationTicks > 0 ? (durationTicks * tickUs) / 1000 : (last.timestampUs + last.durationUs) / 1000;
  return {
    container: "webm",
    codec,
    codedWidth: video.width,
    codedHeight: video.height,
    description: video.codecId === "V_MPEG4/ISO/AVC" ? video.codecPrivate : undefined,
    samples,
    durationMs,
  };
}

/** Gives each sample without a stored duration the gap to the next presentation time. */
function fillDurations(samples: EncodedSample[]): void {
  const byTime = samples.slice().sort((a, b) => a.timestampUs - b.timestampUs);
  const gaps = byTime.slice(1).map((s, i) => s.timestampUs - byTime[i]!.timestampUs);
  const typicalUs = gaps.length ? gaps.slice().sort((a, b) => a - b)[gaps.length >> 1]! : 33_333;
  byTime.forEach((s, i) => {
    if (s.durationUs > 0) return;
    s.durationUs = i < gaps.length ? gaps[i]! : typicalUs;
  });
}
