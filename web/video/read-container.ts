import {
  BlobSource,
  EncodedPacketSink,
  Input,
  MATROSKA,
  MP4,
  QTFF,
  WEBM,
  type EncodedPacket,
  type InputVideoTrack,
} from "mediabunny";
import { VideoReadError } from "./types";

export type ContainerName = "mp4" | "mov" | "webm" | "mkv";

/** What the container says about its video track, read without decoding a frame. */
export interface ContainerVideo {
  container: ContainerName;
  /** WebCodecs codec string from the file's own codec record, e.g. `avc1.64001f`, `vp09.00.10.08`. */
  codec: string;
  width: number;
  height: number;
  durationMs: number;
  /** Presentation time of every frame, ascending, in ms (µs-rounded, as decoded frames carry them). */
  frameTimesMs: number[];
  /** The decoder configuration the file declares (codec record included), or null when unknown. */
  decoderConfig: VideoDecoderConfig | null;
  /** Compressed frames in decode order from the key frame at or before `fromMs`. */
  packets(fromMs?: number): AsyncGenerator<EncodedPacket>;
  close(): void;
}

// The reader keeps at most this much of the file in memory, however long the video.
const READ_CACHE_BYTES = 4 * 2 ** 20;

const CONTAINERS: Record<string, ContainerName> = {
  MP4: "mp4",
  QuickTime: "mov",
  WebM: "webm",
  Matroska: "mkv",
};

// mediabunny's own factor: a hair over 1e6, so 0.1 s does not become 99,999 µs.
const MICROSECONDS_PER_SECOND = 1e6 * (1 + Number.EPSILON);

/**
 * Milliseconds on whole microseconds, cut as mediabunny cuts a packet's time for WebCodecs, so the
 * same value a decoded `VideoFrame.timestamp` gives.
 */
export function packetTimeMs(seconds: number): number {
  return Math.trunc(MICROSECONDS_PER_SECOND * seconds) / 1000;
}

function containerOf(formatName: string): ContainerName {
  const match = Object.entries(CONTAINERS).find(([prefix]) => formatName.startsWith(prefix));
  return match?.[1] ?? "mp4";
}

async function frameTimes(sink: EncodedPacketSink): Promise<number[]> {
  const times: number[] = [];
  for await (const packet of sink.packets(undefined, undefined, { metadataOnly: true })) {
    times.push(packetTimeMs(packet.timestamp));
  }
  return times.sort((a, b) => a - b);
}

async function openTrack(input: Input): Promise<InputVideoTrack> {
  let track: InputVideoTrack | null;
  try {
    track = await input.getPrimaryVideoTrack();
  } catch (error) {
    console.warn("video: container not recognised", error);
    throw new VideoReadError("unknown_format", "This is not an MP4, MOV, WebM or MKV video.");
  }
  if (!track) throw new VideoReadError("no_video_track", "The file holds no video track.");
  return track;
}

/**
 * Reads the video track of an MP4, MOV, WebM or MKV file from a `Blob` piece by piece with
 * mediabunny: the whole file is never held in memory, and the decoder configuration is the file's own.
 */
export async function readContainer(file: Blob): Promise<ContainerVideo> {
  const input = new Input({
    formats: [MP4, QTFF, WEBM, MATROSKA],
    source: new BlobSource(file, { maxCacheSize: READ_CACHE_BYTES }),
  });
  try {
    const track = await openTrack(input);
    const format = await input.getFormat();
    const sink = new EncodedPacketSink(track);
    const frameTimesMs = await frameTimes(sink);
    if (frameTimesMs.length === 0)
      throw new VideoReadError("no_video_track", "The video track has no frames.");
    const decoderConfig = await track.getDecoderConfig().catch(() => null);
    return {
      container: containerOf(format.name),
      codec:
        decoderConfig?.codec ?? (await track.getCodecParameterString()) ?? String(track.codec ?? "unknown"),
      // Decoded frames come in coded orientation, and the landmarks are relative to them.
      width: track.codedWidth,
      height: track.codedHeight,
      durationMs: (await track.computeDuration()) * 1000,
      frameTimesMs,
      decoderConfig,
      async *packets(fromMs = 0) {
        const start = (await sink.getKeyPacket(fromMs / 1000)) ?? (await sink.getFirstPacket());
        if (start) yield* sink.packets(start);
      },
      close: () => input.dispose(),
    };
  } catch (error) {
    input.dispose();
    if (error instanceof VideoReadError) throw error;
    console.warn("video: container unreadable", error);
    throw new VideoReadError("corrupt", "The video file is damaged or cut short and could not be read.");
  }
}
