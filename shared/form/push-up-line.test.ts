import { describe, expect, it } from "vitest";
import type { Landmark, PoseFrame } from "../pose/index";
import { LM } from "../pose/index";
import { createFormEngine } from "./engine";
import { generateSequence, type RepPlan } from "./testing/sequence";

// The push-up's body line as real people's clips showed it (npm run eval:real -- --only pushups):
// a line a few degrees off straight is what good push-ups look like in a camera's image, so only
// a sag a coach would cue is said.

/**
 * Turns the legs about the hips in the image by `deg`, feet away from the floor (image up), so
 * the hips sit below the shoulder-to-ankle line by about that much. Image points only.
 */
function sagAtHips(frame: PoseFrame, deg: number): PoseFrame {
  const aspect = frame.imageAspect ?? 1;
  const p = frame.landmarks;
  // A frame without a person stays one.
  if (p.length <= LM.rightFootIndex) return frame;
  const hip = {
    x: (p[LM.leftHip]!.x + p[LM.rightHip]!.x) / 2,
    y: (p[LM.leftHip]!.y + p[LM.rightHip]!.y) / 2,
  };
  const turn = (point: Landmark, a: number): Landmark => {
    const dx = (point.x - hip.x) * aspect;
    const dy = point.y - hip.y;
    return {
      ...point,
      x: hip.x + (dx * Math.cos(a) - dy * Math.sin(a)) / aspect,
      y: hip.y + dx * Math.sin(a) + dy * Math.cos(a),
    };
  };
  const a = (deg * Math.PI) / 180;
  const ankle = p[LM.leftAnkle]!;
  // Whichever way the feet point, the turn that lifts them (y runs down the image).
  const sign = turn(ankle, a).y < turn(ankle, -a).y ? 1 : -1;
  const legs = (i: number) => i >= LM.leftKnee;
  return { ...frame, landmarks: p.map((point, i) => (legs(i) ? turn(point, sign * a) : point)) };
}

describe("a push-up's hips seen from the side in image points", () => {
  const reps: RepPlan[] = [{ faults: [] }, { faults: [] }, { faults: [] }, { faults: [] }];
  const sequence = generateSequence({
    exercise: "push_up",
    reps,
    seed: 7,
    yawDeg: 90,
    world: false,
    noise: 1,
  });
  const judge = (deg: number) => {
    const engine = createFormEngine("push_up");
    for (const frame of sequence.frames) engine.push(sagAtHips(frame, deg));
    return engine.summary();
  };

  it("are left alone 8° low, as good push-ups often look to a camera", () => {
    const summary = judge(8);
    expect(summary.reps).toBe(4);
    expect(summary.faultCounts.hips_sag ?? 0).toBe(0);
    expect(summary.heldFaults).not.toContain("hips_sag");
  });

  it("are told to lift on every rep when they sag as far as a coach would cue", () => {
    const summary = judge(16);
    expect(summary.reps).toBe(4);
    expect(summary.faultCounts.hips_sag).toBe(4);
  });
});
