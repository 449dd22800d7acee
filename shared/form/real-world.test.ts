import { describe, expect, it } from "vitest";
import type { Landmark, PoseFrame } from "../pose/index";
import { LM } from "../pose/index";
import { createFormEngine } from "./engine";
import { EXERCISES } from "./exercises";
import { RepCounter, type RepEvent } from "./rep-counter";
import { RepPhase } from "./rep-phase";
import { generateSequence, type RepPlan } from "./testing/sequence";
import type { FrameVerdict } from "./types";

// Behaviours first seen on recordings of real people (npm run eval:real), kept as regression
// checks on the synthetic figure.

const judge = (exercise: "plank" | "bicep_curl", frames: readonly PoseFrame[]) => {
  const engine = createFormEngine(exercise);
  const verdicts = frames.map((f) => engine.push(f));
  return { verdicts, summary: engine.summary() };
};

/** The image turned a quarter turn, as from a phone lying on its side: the body runs up the frame. */
function quarterTurn(frame: PoseFrame): PoseFrame {
  const turn = (p: Landmark): Landmark => ({ ...p, x: 1 - p.y, y: p.x });
  return { tMs: frame.tMs, landmarks: frame.landmarks.map(turn), imageAspect: 1 / (frame.imageAspect ?? 1) };
}

const hipsSaid = (v: FrameVerdict) =>
  v.faults.includes("hips_sag") ? "sag" : v.faults.includes("hips_high") ? "high" : "line";

describe("a plank seen in image points only", () => {
  const reps: RepPlan[] = [
    { faults: [] },
    { faults: ["hips_sag"] },
    { faults: [] },
    { faults: ["hips_high"] },
    { faults: [] },
  ];
  const sequence = generateSequence({ exercise: "plank", reps, seed: 3, yawDeg: 90, world: false, noise: 1 });
  const upright = judge("plank", sequence.frames);
  const turned = judge("plank", sequence.frames.map(quarterTurn));

  it("finds sagging and high hips in the episodes they were held, without world points", () => {
    expect(upright.summary.faultCounts).toEqual({ hips_sag: 1, hips_high: 1 });
  });

  it("judges the same with the phone on its side: the floor is where the arms are", () => {
    expect(turned.summary.faultCounts).toEqual(upright.summary.faultCounts);
    const agree = turned.verdicts.filter((v, i) => hipsSaid(v) === hipsSaid(upright.verdicts[i]!)).length;
    expect(agree / turned.verdicts.length).toBeGreaterThan(0.95);
    expect(Math.abs((turned.summary.holdMs ?? 0) - (upright.summary.holdMs ?? 0))).toBeLessThan(1000);
  });
});

/** Tilts the upper body back about the hips by `deg` (world and image points alike). */
function leanBack(frame: PoseFrame, deg: number): PoseFrame {
  const tilt = (points: Landmark[] | undefined, aspect: number): Landmark[] | undefined => {
    if (!points?.length) return points;
    const hip = {
      x: (points[LM.leftHip]!.x + points[LM.rightHip]!.x) / 2,
      y: (points[LM.leftHip]!.y + points[LM.rightHip]!.y) / 2,
    };
    const nose = points[LM.nose]!;
    const ear = points[LM.leftEar]!;
    // Facing +x when the nose is ahead of the ear: leaning back turns the shoulders toward -x.
    const sign = nose.x > ear.x ? 1 : -1;
    const a = (sign * deg * Math.PI) / 180;
    return points.map((p, i) => {
      if (i >= LM.leftHip) return p;
      const dx = (p.x - hip.x) * aspect;
      const dy = p.y - hip.y;
      // y runs down the image: a back lean moves the shoulders behind the hips, staying above them.
      return {
        ...p,
        x: hip.x + (dx * Math.cos(a) + dy * Math.sin(a)) / aspect,
        y: hip.y - dx * Math.sin(a) + dy * Math.cos(a),
      };
    });
  };
  return {
    ...frame,
    landmarks: tilt(frame.landmarks, frame.imageAspect ?? 1) ?? [],
    worldLandmarks: tilt(frame.worldLandmarks, 1),
  };
}

describe("a curl with a lean held from the first frame", () => {
  const reps: RepPlan[] = [{ faults: [] }, { faults: [] }, { faults: [] }, { faults: [] }];
  const sequence = generateSequence({ exercise: "bicep_curl", reps, seed: 5, yawDeg: 90, noise: 0.5 });

  it("says nothing of an upright curler", () => {
    expect(judge("bicep_curl", sequence.frames).summary.faultCounts.lean_back ?? 0).toBe(0);
  });

  it("is told on every rep: the person's own start does not absorb the fault", () => {
    const { summary } = judge(
      "bicep_curl",
      sequence.frames.map((f) => leanBack(f, 22)),
    );
    expect(summary.reps).toBe(4);
    expect(summary.faultCounts.lean_back).toBe(4);
  });
});

describe("leaving the exercise's position", () => {
  const squat = EXERCISES.squat;
  if (squat.kind !== "reps") throw new Error("the squat is counted in reps");

  it("ends a rep under way as a partial one: dropping into a push-up set-up is not a rep", () => {
    const phase = new RepPhase(squat);
    const events: RepEvent[] = [];
    let t = 0;
    const feed = (knee: number, placed: boolean, ms: number) => {
      for (const end = t + ms; t < end; t += 33) {
        const step = phase.step(knee, t, placed);
        if (step.event) events.push(step.event);
      }
    };
    feed(172, true, 1000);
    feed(90, true, 800);
    feed(172, true, 800);
    feed(90, true, 800);
    // Hands to the floor: the knees straighten as the legs kick back, the torso is flat.
    feed(172, false, 1000);
    expect(events.map((e) => e.partial)).toEqual([false, true]);
  });
});

describe("the end of a set", () => {
  it("counts a last full rep that was nearly back when the recording stopped", () => {
    const squat = EXERCISES.squat;
    if (squat.kind !== "reps") throw new Error("the squat is counted in reps");
    const counter = new RepCounter(squat.reps);
    const curve = [0, 0, 0.5, 1, 1, 0.7, 0.35];
    curve.forEach((p, i) => counter.push(p, i * 300));
    expect(counter.finishPending()?.partial).toBe(false);
  });

  it("leaves a rep that only went down uncounted", () => {
    const squat = EXERCISES.squat;
    if (squat.kind !== "reps") throw new Error("the squat is counted in reps");
    const counter = new RepCounter(squat.reps);
    [0, 0, 0.5, 1, 1].forEach((p, i) => counter.push(p, i * 300));
    expect(counter.finishPending()).toBeNull();
  });
});

describe("a landmark set that keeps only the upper body's main points", () => {
  // Nose, shoulders, elbows, wrists and hips: what many public curl recordings keep.
  const KEEP = new Set([0, 11, 12, 13, 14, 15, 16, 23, 24]);
  const unseen: Landmark = { x: 0, y: 0, z: 0, visibility: 0 };
  const reps: RepPlan[] = [
    { faults: [] },
    { faults: ["lean_back"] },
    { faults: [] },
    { faults: ["lean_back"] },
  ];
  const sequence = generateSequence({
    exercise: "bicep_curl",
    reps,
    seed: 5,
    yawDeg: 90,
    noise: 0.5,
    world: false,
  });
  const frames = sequence.frames.map((f) => ({
    ...f,
    landmarks: f.landmarks.map((p, i) => (KEEP.has(i) ? p : unseen)),
  }));

  it("still finds which way a curler faces, and the reps where they lean back", () => {
    const { summary } = judge("bicep_curl", frames);
    expect(summary.reps).toBe(4);
    expect(summary.repResults.map((r) => r.faults.some((f) => f.id === "lean_back"))).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });
});

/** Lowers the hips in the image only by `share` of the shoulder-to-ankle length (a sag the world points miss). */
function sagInImage(frame: PoseFrame, share: number): PoseFrame {
  const p = frame.landmarks;
  if (!p.length) return frame;
  const aspect = frame.imageAspect ?? 1;
  const mid = (a: number, b: number) => ({
    x: ((p[a]!.x + p[b]!.x) / 2) * aspect,
    y: (p[a]!.y + p[b]!.y) / 2,
  });
  const shoulders = mid(LM.leftShoulder, LM.rightShoulder);
  const ankles = mid(LM.leftAnkle, LM.rightAnkle);
  const drop = share * Math.hypot(shoulders.x - ankles.x, shoulders.y - ankles.y);
  const hips: number[] = [LM.leftHip, LM.rightHip];
  return { ...frame, landmarks: p.map((l, i) => (hips.includes(i) ? { ...l, y: l.y + drop } : l)) };
}

describe("a push-up's hip line seen from the side", () => {
  const reps: RepPlan[] = [{ faults: [] }, { faults: [] }, { faults: [] }, { faults: [] }];
  const sequence = generateSequence({ exercise: "push_up", reps, seed: 7, yawDeg: 90, noise: 0.5 });
  const pushUps = (frames: readonly PoseFrame[]) => {
    const engine = createFormEngine("push_up");
    frames.forEach((f) => engine.push(f));
    return engine.summary();
  };

  it("is read in the image, where the limits were chosen: a sag only the image shows is told", () => {
    expect(pushUps(sequence.frames).faultCounts.hips_sag ?? 0).toBe(0);
    const sagging = pushUps(sequence.frames.map((f) => sagInImage(f, 0.2)));
    expect(sagging.reps).toBe(4);
    expect(sagging.faultCounts.hips_sag).toBeGreaterThanOrEqual(3);
  });
});
