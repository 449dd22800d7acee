import { describe, expect, it } from "vitest";
import { parseLandmarkLines } from "./landmark-file.ts";
import { parseArgs } from "./args.ts";

const point = { x: 0.5, y: 0.5, z: 0, visibility: 1 };
const line = (t: number, count = 33) =>
  JSON.stringify({ t, landmarks: Array.from({ length: count }, () => point) });

describe("parseLandmarkLines", () => {
  it("reads one frame per line, skipping blank lines, with frames without a person", () => {
    const frames = parseLandmarkLines(`${line(0)}\n\n${line(33, 0)}\r\n${line(66)}\n`, "set.jsonl");
    expect(frames.map((f) => f.tMs)).toEqual([0, 33, 66]);
    expect(frames.map((f) => f.landmarks.length)).toEqual([33, 0, 33]);
  });

  it("reads back the world landmarks and image aspect the analyser writes", () => {
    const world = Array.from({ length: 33 }, () => ({ x: 0.1, y: -0.4, z: 0.05, visibility: 0.9 }));
    const text = JSON.stringify({
      t: 5,
      landmarks: [point, ...Array(32).fill(point)],
      worldLandmarks: world,
      imageAspect: 1.333,
    });
    const [frame] = parseLandmarkLines(text, "out.jsonl");
    expect(frame).toEqual({
      tMs: 5,
      landmarks: expect.any(Array),
      worldLandmarks: world,
      imageAspect: 1.333,
    });
  });

  it("names the file and line of anything it cannot use", () => {
    const cases: [string, RegExp][] = [
      [`${line(0)}\n{"t": 1, `, /set\.jsonl:2: not valid JSON/],
      [`${line(0)}\n${line(33, 32)}`, /set\.jsonl:2: landmarks: expected 33 landmarks/],
      [line(0).replace('"visibility":1', '"visibility":2'), /set\.jsonl:1: landmarks\.0\.visibility/],
      [`${line(40)}\n${line(40)}`, /set\.jsonl:2: time 40 does not increase/],
      ["\n\n", /set\.jsonl: no landmark frames/],
    ];
    for (const [text, message] of cases) expect(() => parseLandmarkLines(text, "set.jsonl")).toThrow(message);
  });
});

describe("parseArgs", () => {
  it("takes the input and options in any order", () => {
    expect(parseArgs(["--json", "clip.mp4", "--exercise", "push_up", "--model", "full"])).toEqual({
      input: "clip.mp4",
      exercise: "push_up",
      model: "full",
      json: true,
    });
    expect(parseArgs(["photo.jpg"])).toEqual({ input: "photo.jpg", model: "lite", json: false });
  });

  it("refuses unknown exercises, models and options, and a missing input", () => {
    expect(() => parseArgs(["a.mp4", "--exercise", "cartwheel"])).toThrow(/Unknown exercise "cartwheel"/);
    expect(() => parseArgs(["a.mp4", "--model", "huge"])).toThrow(/lite or full/);
    expect(() => parseArgs(["a.mp4", "--fast"])).toThrow(/Unknown option --fast/);
    expect(() => parseArgs(["--json"])).toThrow(/Usage/);
    expect(() => parseArgs(["a.mp4", "b.mp4"])).toThrow(/one input/);
  });
});
