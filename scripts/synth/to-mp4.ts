// Rewraps a synthetic WebM's frames, unchanged, in an MP4 (or MOV), so the upload path can be
// checked on both containers with the same frames and the same truth.
import {
  ALL_FORMATS,
  BufferSource,
  BufferTarget,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  Input,
  MovOutputFormat,
  Mp4OutputFormat,
  Output,
} from "mediabunny";

/**
 * The same compressed frames in an ISO BMFF file with its index at the front (fast start);
 * `repeat` plays them that many times back to back, for a long file.
 */
export async function remuxToIsobmff(
  webm: Uint8Array,
  { kind = "mp4", repeat = 1 }: { kind?: "mp4" | "mov"; repeat?: number } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const input = new Input({ formats: ALL_FORMATS, source: new BufferSource(webm) });
  const track = await input.getPrimaryVideoTrack();
  if (!track?.codec) throw new Error("remuxToIsobmff: the input has no video track of a known codec");
  const target = new BufferTarget();
  const format =
    kind === "mp4"
      ? new Mp4OutputFormat({ fastStart: "in-memory" })
      : new MovOutputFormat({ fastStart: "in-memory" });
  const output = new Output({ format, target });
  const source = new EncodedVideoPacketSource(track.codec);
  output.addVideoTrack(source);
  await output.start();
  const decoderConfig = (await track.getDecoderConfig()) ?? undefined;
  const durationS = await track.computeDuration();
  let first = true;
  for (let copy = 0; copy < repeat; copy++) {
    for await (const packet of new EncodedPacketSink(track).packets()) {
      const shifted = packet.clone({ timestamp: packet.timestamp + copy * durationS });
      await source.add(shifted, first ? { decoderConfig } : undefined);
      first = false;
    }
  }
  source.close();
  await output.finalize();
  input.dispose();
  if (!target.buffer) throw new Error("remuxToIsobmff: the muxer wrote nothing");
  return new Uint8Array(target.buffer);
}
