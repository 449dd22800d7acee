import { describe, expect, it } from "vitest";
import { createFile } from "mp4box";
import { demux } from "./open-video";
import { demuxMp4 } from "./mp4-demux";
import { VideoReadError } from "./types";

// avcC for H.264 Constrained Baseline level 3.1 with a stub SPS and PPS: enough to be parsed.
const AVCC = new Uint8Array([
  1, 0x42, 0xc0, 0x1f, 0xff, 0xe1, 0, 4, 0x67, 0x42, 0xc0, 0x1f, 1, 0, 4, 0x68, 0xce, 0x3c, 0x80,
]);
const TIMESCALE = 30_000;
const FRAME_TICKS = 1_000;

/** An MP4 with `frames` stub H.264 samples at 30 fps (byte 0 holds the frame number). */
function makeMp4(frames: number): Uint8Array {
  const file = createFile();
  const track = file.addTrack({
    type: "avc1",
    width: 320,
    height: 240,
    timescale: TIMESCALE,
    avcDecoderConfigRecord: AVCC.slice().buffer,
  });
  for (let i = 0; i < frames; i++) {
    file.addSample(track, new Uint8Array([i, 0, 0, 1, 0x65]), {
      duration: FRAME_TICKS,
      cts: i * FRAME_TICKS,
      dts: i * FRAME_TICKS,
      is_sync: i % 15 === 0,
    });
  }
  return new Uint8Array(file.getBuffer().buffer);
}

describe("demuxMp4", () => {
  it("returns every frame with its time, key flag and the codec configuration WebCodecs needs", () => {
    const video = demux(makeMp4(45));
    expect(video.container).toBe("mp4");
    expect(video.codec).toBe("avc1.42c01f");
    expect([video.codedWidth, video.codedHeight]).toEqual([320, 240]);
    expect(video.description && [...video.description]).toEqual([...AVCC]);
    expect(video.samples.map((s) => s.data[0])).toEqual(Array.from({ length: 45 }, (_, i) => i));
    expect(video.samples.map((s) => s.timestampUs)).toEqual(
      Array.from({ length: 45 }, (_, i) => Math.round((i * FRAME_TICKS * 1e6) / TIMESCALE)),
    );
    expect(video.samples.filter((s) => s.key).map((s) => s.data[0])).toEqual([0, 15, 30]);
    expect(video.durationMs).toBeCloseTo(1500, 0);
  });

  it("refuses an MP4 header with nothing behind it", () => {
    expect(() => demuxMp4(makeMp4(3).subarray(0, 32))).toThrow(VideoReadError);
  });
});
