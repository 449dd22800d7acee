import { describe, expect, it } from "vitest";
import { ArrayBufferTarget, Muxer } from "webm-muxer";
import { demuxWebm } from "./webm-demux";
import { demux } from "./open-video";
import { VideoReadError } from "./types";

const FRAME_US = 33_333;

/** A WebM with `frames` fake VP8 payloads (byte i holds the frame number) and an audio track. */
function makeWebm(frames: number, options: { streaming?: boolean; keyEvery?: number } = {}): Uint8Array {
  const target = new ArrayBufferTarget();
  const muxer = new Muxer({
    target,
    streaming: options.streaming,
    video: { codec: "V_VP8", width: 320, height: 240, frameRate: 30 },
    audio: { codec: "A_OPUS", sampleRate: 48000, numberOfChannels: 1 },
    firstTimestampBehavior: "offset",
  });
  for (let i = 0; i < frames; i++) {
    const key = i % (options.keyEvery ?? 30) === 0;
    muxer.addVideoChunkRaw(new Uint8Array([i & 0xff, 1, 2, 3]), key ? "key" : "delta", i * FRAME_US);
    muxer.addAudioChunkRaw(new Uint8Array([9, 9]), "key", i * FRAME_US);
  }
  muxer.finalize();
  return new Uint8Array(target.buffer);
}

describe("demuxWebm", () => {
  it("returns every video frame in order with its time and key flag, and no audio", () => {
    const video = demuxWebm(makeWebm(75, { keyEvery: 30 }));
    expect(video.codec).toBe("vp8");
    expect([video.codedWidth, video.codedHeight]).toEqual([320, 240]);
    expect(video.samples).toHaveLength(75);
    expect(video.samples.map((s) => s.data[0])).toEqual(Array.from({ length: 75 }, (_, i) => i));
    // WebM stores times in whole milliseconds by default.
    const offByUs = video.samples.map((s, i) => Math.abs(s.timestampUs - i * FRAME_US));
    expect(Math.max(...offByUs)).toBeLessThanOrEqual(1000);
    expect(video.samples.filter((s) => s.key).map((s) => s.data[0])).toEqual([0, 30, 60]);
    expect(video.durationMs).toBeGreaterThanOrEqual(74 * 33);
  });

  it("reads a live-style file whose segment and clusters have unknown sizes", () => {
    const video = demuxWebm(makeWebm(40, { streaming: true }));
    expect(video.samples).toHaveLength(40);
  });

  it("keeps the whole frames of a file cut off part-way", () => {
    const whole = makeWebm(60);
    // The header carries kilobytes of padding, so cut near the end, inside the frames.
    const cut = demuxWebm(whole.subarray(0, whole.length - 300));
    expect(cut.samples.length).toBeGreaterThan(10);
    expect(cut.samples.length).toBeLessThan(60);
    expect(cut.samples.map((s) => s.data[0])).toEqual(cut.samples.map((_, i) => i));
    expect(cut.samples.every((s) => s.data.length === 4)).toBe(true);
  });

  it("rejects text, and a file cut off before its first frame", () => {
    expect(() => demux(new TextEncoder().encode("plain text, not a video"))).toThrow(VideoReadError);
    expect(() => demuxWebm(makeWebm(10).subarray(0, 40))).toThrow(VideoReadError);
  });
});
