// Renders one short clip (or reuses it from .cache/synth) and checks every output as a consumer would:
// container structure, frame counts against the truth, playback in Chromium, and the fake camera.
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.ts";
import { generateSynth, readTruth, type SynthResult } from "./index.ts";
import { mjpegFrames, summarizeWebm } from "./inspect.ts";
import { startSynthServer } from "./server.ts";
import type { SynthTruth } from "./types.ts";

const CLIP = {
  exercise: "squat",
  reps: 1,
  tempoS: 1.2,
  leadInS: 0.2,
  leadOutS: 0.2,
  width: 320,
  height: 240,
  faults: { 1: ["knee_valgus"] },
} as const;

let clip: SynthResult;
let truth: SynthTruth;

beforeAll(async () => {
  clip = await generateSynth({ ...CLIP, faults: { 1: ["knee_valgus"] } });
  truth = await readTruth(clip.truthPath);
}, 120_000);

describe("generated files", () => {
  it("writes an MJPEG of whole JPEGs, one per 30 fps tick", async () => {
    const bytes = new Uint8Array(await readFile(clip.mjpegPath));
    const frames = mjpegFrames(bytes);
    expect([bytes[0], bytes[1], bytes[2]]).toEqual([0xff, 0xd8, 0xff]);
    expect(frames).toHaveLength(truth.mjpeg.frameCount);
    expect(frames.at(-1)?.end).toBe(bytes.length);
    expect(truth.mjpeg.frameCount).toBe(Math.round((truth.durationMs / 1000) * 30));
  });

  it("writes a VP8 WebM with one block per truth frame and the full duration", async () => {
    const webm = summarizeWebm(new Uint8Array(await readFile(clip.videoPath)));
    expect(webm).toMatchObject({ docType: "webm", codecId: "V_VP8", width: 320, height: 240 });
    expect(webm.blockCount).toBe(truth.frameCount);
    expect(webm.keyFrameCount).toBeGreaterThanOrEqual(1);
    expect(webm.durationMs).toBeCloseTo(truth.durationMs, 3);
  });

  it("records 33 landmarks per frame, reps with the injected faults, and a still", async () => {
    expect(truth.frames).toHaveLength(truth.frameCount);
    expect(truth.frames.every((f) => f.landmarks.length === 33)).toBe(true);
    expect(truth.reps).toEqual([expect.objectContaining({ rep: 1, faults: ["knee_valgus"] })]);
    expect(truth.still.angles.leftKneeDeg).toBeLessThan(120);
    const png = await readFile(clip.imagePath);
    const jpeg = await readFile(clip.jpegImagePath);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
  });

  it("returns the cached clip for the same params without rendering", async () => {
    const again = await generateSynth({ ...CLIP, faults: { 1: ["knee_valgus"] } });
    expect(again).toMatchObject({ dir: clip.dir, cached: true });
  });
});

describe("in Chromium", () => {
  it("plays the WebM in a <video> with the right duration and presents its frames", async () => {
    const server = await startSynthServer({ "/clip/": dirname(clip.videoPath) });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/clip/truth.json`);
      const played = await page.evaluate(async (url) => {
        const video = document.createElement("video");
        video.muted = true;
        video.src = url;
        await new Promise((ok, fail) => {
          video.onloadedmetadata = ok;
          video.onerror = () => fail(new Error("video did not load"));
        });
        const mediaTimesS: number[] = [];
        const ended = new Promise((ok) => (video.onended = ok));
        const onFrame = (_now: number, meta: { mediaTime: number }) => {
          mediaTimesS.push(meta.mediaTime);
          video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
        await video.play();
        await ended;
        return { durationS: video.duration, width: video.videoWidth, mediaTimesS };
      }, `/clip/video.webm`);
      expect(played.durationS).toBeCloseTo(truth.durationMs / 1000, 2);
      expect(played.width).toBe(320);
      expect(new Set(played.mediaTimesS.map((t) => Math.round(t * truth.fps))).size).toBeGreaterThan(1);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);

  it("serves the MJPEG as a changing 30 fps fake camera of the clip size", async () => {
    const server = await startSynthServer({ "/clip/": dirname(clip.videoPath) });
    const browser = await launchChromium([
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${clip.mjpegPath}`,
    ]);
    try {
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/clip/truth.json`);
      const camera = await page.evaluate(async () => {
        const stream = await navigator.mediaDevices.getUserMedia({ video: true });
        const settings = stream.getVideoTracks()[0]?.getSettings() ?? {};
        const video = document.createElement("video");
        video.muted = true;
        video.srcObject = stream;
        await video.play();
        const canvas = document.createElement("canvas");
        canvas.width = 32;
        canvas.height = 24;
        const context = canvas.getContext("2d", { willReadFrequently: true });
        const fingerprints = new Set<string>();
        await new Promise<void>((done) => {
          let frames = 0;
          const onFrame = () => {
            context?.drawImage(video, 0, 0, 32, 24);
            const pixels = context?.getImageData(0, 0, 32, 24).data ?? new Uint8ClampedArray();
            fingerprints.add(Array.from(pixels.filter((_, i) => i % 16 === 0)).join(","));
            if (++frames >= 40) done();
            else video.requestVideoFrameCallback(onFrame);
          };
          video.requestVideoFrameCallback(onFrame);
        });
        stream.getTracks().forEach((track) => track.stop());
        return {
          width: settings.width,
          height: settings.height,
          frameRate: settings.frameRate,
          distinct: fingerprints.size,
        };
      });
      expect(camera).toMatchObject({ width: 320, height: 240, frameRate: 30 });
      expect(camera.distinct).toBeGreaterThan(5);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
