// The synthetic clip as the app's upload reader (web/video/read-container.ts) sees it: the WebM the
// generator writes and the same frames rewrapped in an MP4 and a MOV. Decoding is checked in
// Chromium by e2e/analyze-file.spec.ts; this checks frame count, frame times and how much is read.
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { readContainer } from "../../web/video/read-container.ts";
import { VideoReadError } from "../../web/video/types.ts";
import { generateSynth, readTruth } from "./index.ts";
import { remuxToIsobmff } from "./to-mp4.ts";
import type { SynthTruth } from "./types.ts";

const CLIP = {
  exercise: "squat",
  reps: 1,
  tempoS: 1.2,
  leadInS: 0.2,
  leadOutS: 0.2,
  width: 320,
  height: 240,
} as const;

let webm: Uint8Array<ArrayBuffer>;
let truth: SynthTruth;

/**
 * A Blob that reads like a file on disk in a browser (in 64 KiB chunks, as they are pulled) and
 * counts the bytes the reader pulled out of it. Node's own Blob hands its whole buffer over at once.
 */
function countingBlob(bytes: Uint8Array<ArrayBuffer>): { blob: Blob; bytesRead: () => number } {
  const CHUNK = 64 * 1024;
  let read = 0;
  const piece = (from: number, to: number): Blob =>
    new (class extends Blob {
      override slice(start = 0, end = to - from): Blob {
        return piece(from + start, Math.min(to, from + end));
      }
      override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
        let at = from;
        return new ReadableStream(
          {
            pull(controller) {
              if (at >= to) return controller.close();
              const chunk = bytes.slice(at, Math.min(to, at + CHUNK));
              at += chunk.byteLength;
              read += chunk.byteLength;
              controller.enqueue(chunk);
            },
          },
          { highWaterMark: 0 },
        );
      }
      override async arrayBuffer(): Promise<ArrayBuffer> {
        read += to - from;
        return bytes.slice(from, to).buffer;
      }
    })([bytes.subarray(from, to)]);
  return { blob: piece(0, bytes.byteLength), bytesRead: () => read };
}

beforeAll(async () => {
  const clip = await generateSynth(CLIP);
  truth = await readTruth(clip.truthPath);
  webm = new Uint8Array(await readFile(clip.videoPath));
}, 120_000);

describe("upload reader on the synthetic clip", () => {
  it.each(["webm", "mp4", "mov"] as const)(
    "reads every frame of the %s at its time, with its size and codec",
    async (kind) => {
      const bytes = kind === "webm" ? webm : await remuxToIsobmff(webm, { kind });
      const video = await readContainer(new Blob([bytes]));
      try {
        expect(video.container).toBe(kind);
        expect(video.codec).toBe("vp8");
        expect([video.width, video.height]).toEqual([truth.width, truth.height]);
        expect(video.frameTimesMs).toHaveLength(truth.frameCount);
        // WebM keeps whole milliseconds; the truth has the exact frame times.
        const offMs = video.frameTimesMs.map((t, i) => Math.abs(t - truth.frames[i]!.tMs));
        expect(Math.max(...offMs)).toBeLessThanOrEqual(1);
        expect(video.durationMs).toBeCloseTo(truth.durationMs, -1);
        // Decoded frames carry the packet's whole-microsecond time: the split finds frames by it.
        const decodedTimesMs: number[] = [];
        for await (const packet of video.packets()) {
          expect(packet.data.byteLength).toBeGreaterThan(0);
          decodedTimesMs.push(packet.microsecondTimestamp / 1000);
        }
        expect(decodedTimesMs.sort((a, b) => a - b)).toEqual(video.frameTimesMs);
      } finally {
        video.close();
      }
    },
  );

  it("starts a read at the key frame before the time asked for, not at the start", async () => {
    const video = await readContainer(new Blob([webm]));
    try {
      // The generator puts a key frame every second; the clip is longer than that.
      const lastMs = video.frameTimesMs.at(-1)!;
      const first = (await video.packets(lastMs).next()).value;
      expect(first?.type).toBe("key");
      expect(first!.timestamp * 1000).toBeLessThanOrEqual(lastMs);
      expect(first!.timestamp * 1000).toBeGreaterThan(0);
    } finally {
      video.close();
    }
  });

  it("opens a long MP4 by reading its index, not the whole file", async () => {
    // Thirty copies of the clip's frames back to back: a file several times the reader's reach.
    const one = await remuxToIsobmff(webm);
    const long = await remuxToIsobmff(webm, { repeat: 30 });
    const { blob, bytesRead } = countingBlob(long);
    const video = await readContainer(blob);
    try {
      expect(video.frameTimesMs).toHaveLength(truth.frameCount * 30);
      expect(long.byteLength).toBeGreaterThan(one.byteLength * 20);
      expect(bytesRead()).toBeLessThan(long.byteLength / 4);
    } finally {
      video.close();
    }
  });

  it("refuses text and a file cut before its first frame, saying so", async () => {
    await expect(readContainer(new Blob(["plain text, not a video"]))).rejects.toThrow(VideoReadError);
    await expect(readContainer(new Blob([webm.subarray(0, 40)]))).rejects.toThrow(VideoReadError);
  });
});
