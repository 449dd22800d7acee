import { createFile, DataStream, Endianness, MP4BoxBuffer, type Sample } from "mp4box";
import { VideoReadError, type DemuxedVideo, type EncodedSample } from "./types";

interface WritableBox {
  write(stream: DataStream): void;
}

/** The codec configuration record (avcC, hvcC, vpcC, av1C) WebCodecs wants as `description`. */
function codecDescription(
  entry: Partial<Record<"avcC" | "hvcC" | "vpcC" | "av1C", unknown>>,
): Uint8Array | undefined {
  const box = entry.avcC ?? entry.hvcC ?? entry.vpcC ?? entry.av1C;
  if (!box || typeof (box as Partial<WritableBox>).write !== "function") return undefined;
  const stream = new DataStream(undefined, 0, Endianness.BIG_ENDIAN);
  (box as WritableBox).write(stream);
  // The box is written with its 8-byte header; the description is the payload only.
  return new Uint8Array(stream.buffer.slice(8));
}

/** Demuxes the first video track of an MP4/MOV file held in memory, with mp4box.js. */
export function demuxMp4(bytes: Uint8Array): DemuxedVideo {
  const file = createFile();
  let failure: string | null = null;
  const samples: Sample[] = [];
  file.onError = (_module, message) => {
    failure = message;
  };
  file.onSamples = (_id, _user, batch) => {
    samples.push(...batch);
  };
  // Extraction must be on before the fragments of a fragmented MP4 (what MediaRecorder writes)
  // are parsed, so it starts as soon as the movie header is read.
  let trackId: number | null = null;
  file.onReady = (info) => {
    const video = info.videoTracks[0];
    if (!video) return;
    trackId = video.id;
    file.setExtractionOptions(video.id, undefined, { nbSamples: Number.MAX_SAFE_INTEGER });
    file.start();
  };
  try {
    file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(bytes.slice().buffer, 0), true);
    file.flush();
  } catch (error) {
    throw new VideoReadError("corrupt", `The MP4 file could not be read: ${String(error)}`);
  }
  if (failure) throw new VideoReadError("corrupt", `The MP4 file could not be read: ${String(failure)}`);
  const info = file.getInfo();
  if (!info || !info.tracks?.length)
    throw new VideoReadError("corrupt", "The MP4 file has no readable tracks.");
  const track = info.videoTracks.find((t) => t.id === trackId);
  if (!track) throw new VideoReadError("no_video_track", "The file has no video track.");
  const entry = file.getTrackById(track.id).mdia.minf.stbl.stsd.entries[0];
  if (samples.length === 0) throw new VideoReadError("corrupt", "The video track has no frames.");
  const firstCts = Math.min(...samples.map((s) => s.cts));
  const encoded: EncodedSample[] = samples.map((s) => {
    if (!s.data) throw new VideoReadError("corrupt", "An MP4 sample has no data.");
    return {
      timestampUs: Math.round((1e6 * (s.cts - firstCts)) / s.timescale),
      durationUs: Math.round((1e6 * s.duration) / s.timescale),
      key: s.is_sync,
      data: s.data,
    };
  });
  const durationMs =
    (1000 * track.samples_duration) / track.timescale || (1000 * info.duration) / info.timescale;
  return {
    container: "mp4",
    codec: track.codec,
    codedWidth: track.video?.width ?? track.track_width,
    codedHeight: track.video?.height ?? track.track_height,
    description: entry
      ? codecDescription(entry as Partial<Record<"avcC" | "hvcC" | "vpcC" | "av1C", unknown>>)
      : undefined,
    samples: encoded,
    durationMs,
  };
}
