import { spawn } from "node:child_process";
import { deflateSync } from "node:zlib";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LM } from "../../shared/pose/index.ts";
import { generateSynth, readTruth, type SynthTruth } from "../synth/index.ts";

const REPO = resolve(import.meta.dirname, "../..");
const CHROMIUM_MS = 300_000;
// Each run starts tsx in a new Node process, which takes seconds on a busy two-core machine.
const NODE_MS = 60_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function analyze(...args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(join(REPO, "node_modules/.bin/tsx"), ["scripts/analyze/cli.ts", ...args], {
      cwd: REPO,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** A plain grey PNG: nobody in it. */
function greyPng(size: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.concat(Array.from({ length: size }, () => Buffer.from([0, ...Array(size).fill(128)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("npm run analyze", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "spotter-analyze-"));
  });

  it(
    "explains unreadable input on stderr and exits 2",
    async () => {
      const noise = join(work, "noise.webm");
      await writeFile(noise, Buffer.from("definitely not a video file"));
      const badLines = join(work, "bad.jsonl");
      await writeFile(badLines, '{"t": 0, "landmarks": []}\n{"t": 33, "landmarks": [{"x": 1}]}\n');
      for (const [input, message] of [
        [join(work, "missing.mp4"), /no such file/],
        [noise, /not a PNG\/JPEG\/WebP image, an MP4\/MOV\/WebM video/],
        [badLines, /bad\.jsonl:2/],
      ] as const) {
        const run = await analyze(input, "--json");
        expect(run.code, input).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stdout).toBe("");
      }
    },
    NODE_MS,
  );

  describe("on a synthetic squat", () => {
    let truth: SynthTruth;
    let videoPath: string;
    beforeAll(async () => {
      const clip = await generateSynth({
        exercise: "squat",
        reps: 2,
        tempoS: 2,
        leadInS: 0.5,
        leadOutS: 0.5,
      });
      truth = await readTruth(clip.truthPath);
      videoPath = clip.videoPath;
    }, CHROMIUM_MS);

    it(
      "judges a landmark file with the form engine, frame by frame",
      async () => {
        const lines = truth.frames.map((f) =>
          JSON.stringify({
            t: f.tMs,
            landmarks: f.landmarks.map((p) => ({ x: p.x, y: p.y, z: 0, visibility: p.visibility })),
          }),
        );
        const file = join(work, "squat.jsonl");
        await writeFile(file, `${lines.join("\n")}\n`);
        const run = await analyze(file, "--exercise", "squat", "--json");
        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
        const out = jsonLines(run.stdout);
        const summary = out.pop()?.summary as { frames: number; set: { reps: number } };
        expect(out).toHaveLength(truth.frameCount);
        for (const line of out) {
          expect(line).toHaveProperty("t");
          expect(line).not.toHaveProperty("landmarks");
          expect(line).toEqual(
            expect.objectContaining({ reps: expect.any(Number), faults: expect.any(Array) }),
          );
          expect("phase" in line || "reason" in line).toBe(true);
        }
        expect(summary.frames).toBe(truth.frameCount);
        expect(summary.set.reps).toBe(truth.reps.length);
        expect(out.at(-1)?.reps).toBe(truth.reps.length);
      },
      NODE_MS,
    );

    it(
      "finds landmarks on every frame of the video through the app's pose worker",
      async () => {
        const run = await analyze(videoPath, "--json");
        expect(run.code, run.stderr).toBe(0);
        const out = jsonLines(run.stdout);
        const last = out.pop() as { summary: { frames: number; model: string; decoder: string } };
        expect(last.summary).toEqual(expect.objectContaining({ frames: truth.frameCount, model: "lite" }));
        expect(out).toHaveLength(truth.frameCount);
        // WebM keeps times in whole milliseconds.
        const offMs = out.map((line, i) => Math.abs(Number(line.t) - truth.frames[i]!.tMs));
        expect(Math.max(...offMs)).toBeLessThanOrEqual(1);
        expect(out.filter((line) => (line.landmarks as unknown[]).length === 33).length).toBeGreaterThan(
          truth.frameCount * 0.9,
        );
      },
      CHROMIUM_MS,
    );
  });

  it(
    "reports no person in an empty picture, and still exits 0",
    async () => {
      const empty = join(work, "empty.png");
      await writeFile(empty, greyPng(96));
      const run = await analyze(empty, "--json");
      expect(run.code, run.stderr).toBe(0);
      const [frame, summary] = jsonLines(run.stdout);
      expect(frame).toEqual(expect.objectContaining({ t: 0, landmarks: [], reason: "no_person" }));
      expect(summary).toEqual({ summary: expect.objectContaining({ frames: 1, framesWithPerson: 0 }) });
    },
    CHROMIUM_MS,
  );

  it(
    "finds a standing person in a photo: shoulders above hips above knees",
    async () => {
      const still = await generateSynth({ exercise: "squat", reps: 0, view: "front", background: "#7a8c6e" });
      const run = await analyze(still.jpegImagePath, "--json");
      expect(run.code, run.stderr).toBe(0);
      const [frame, summary] = jsonLines(run.stdout) as [
        { landmarks: { y: number }[] },
        { summary: unknown },
      ];
      expect(summary).toHaveProperty("summary");
      expect(frame.landmarks).toHaveLength(33);
      const y = (i: number) => frame.landmarks[i]!.y;
      expect(y(LM.leftShoulder)).toBeLessThan(y(LM.leftHip));
      expect(y(LM.rightShoulder)).toBeLessThan(y(LM.rightHip));
      expect(y(LM.leftHip)).toBeLessThan(y(LM.leftKnee));
      expect(y(LM.rightHip)).toBeLessThan(y(LM.rightKnee));
    },
    CHROMIUM_MS,
  );
});
