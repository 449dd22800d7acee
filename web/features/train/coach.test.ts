import { describe, expect, it } from "vitest";
import { DEFAULT_CUE_POLICY } from "../../../shared/form";
import { generateSequence } from "../../../shared/form/testing";
import { Coach, type CoachUpdate } from "./coach";
import { exerciseFromQuery } from "./exercise-choice";

function run(coach: Coach, frames: ReturnType<typeof generateSequence>["frames"]): CoachUpdate[] {
  return frames.map((frame) => coach.push(frame));
}

describe("Coach", () => {
  it("counts the reps of the chosen exercise", () => {
    const sequence = generateSequence({
      exercise: "squat",
      reps: [{ faults: [] }, { faults: [] }, { faults: [] }],
      seed: 3,
      yawDeg: 90,
    });
    const coach = new Coach("squat");
    const updates = run(coach, sequence.frames);
    expect(updates.at(-1)?.verdict?.reps).toBe(sequence.reps);
    expect(coach.summary()?.reps).toBe(sequence.reps);
  });

  it("on auto, recognises the exercise and keeps the reps done while deciding", () => {
    const reps = Array.from({ length: 4 }, () => ({ faults: [] }));
    const sequence = generateSequence({ exercise: "squat", reps, seed: 5, yawDeg: 90 });
    const coach = new Coach("auto");
    run(coach, sequence.frames);
    expect(coach.exerciseId).toBe("squat");
    expect(coach.summary()?.reps).toBe(sequence.reps);
  });

  it("shows a cue for an injected fault and speaks no more often than the policy allows", () => {
    const faulty = { faults: ["knee_valgus" as const] };
    const sequence = generateSequence({
      exercise: "squat",
      reps: [faulty, faulty, faulty, faulty],
      seed: 7,
      yawDeg: 0,
    });
    const updates = run(new Coach("squat"), sequence.frames);
    const shown = updates.flatMap((u) => u.shownCues.map((c) => c.faultId));
    expect(shown).toContain("knee_valgus");
    const spokenAt = updates.filter((u) => u.spokenCue).map((u) => u.verdict?.tMs ?? 0);
    expect(spokenAt.length).toBeGreaterThan(0);
    for (let i = 1; i < spokenAt.length; i++) {
      expect(spokenAt[i]! - spokenAt[i - 1]!).toBeGreaterThanOrEqual(DEFAULT_CUE_POLICY.minGapMs);
    }
  });
});

describe("exerciseFromQuery", () => {
  it("preselects a known exercise and falls back to auto otherwise", () => {
    expect(exerciseFromQuery("?exercise=push_up")).toBe("push_up");
    expect(exerciseFromQuery("?exercise=juggling")).toBe("auto");
    expect(exerciseFromQuery("")).toBe("auto");
  });
});
