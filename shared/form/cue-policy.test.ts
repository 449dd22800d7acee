import { describe, expect, it } from "vitest";
import { CuePolicy } from "./cue-policy";
import type { Cue } from "./types";

const knees: Cue = { faultId: "knee_valgus", text: "Knees out", severity: 0.6 };
const chest: Cue = { faultId: "forward_lean", text: "Chest up", severity: 0.9 };

describe("CuePolicy", () => {
  it("speaks at most one cue every 2 s", () => {
    const policy = new CuePolicy();
    expect(policy.offer([knees], 0, 1)).toEqual(knees);
    expect(policy.offer([chest], 1999, 1)).toBeNull();
    expect(policy.offer([chest], 2000, 1)).toEqual(chest);
  });

  it("does not repeat the same cue within 6 s", () => {
    const policy = new CuePolicy();
    policy.offer([knees], 0, 1);
    expect(policy.offer([knees], 3000, 1)).toBeNull();
    expect(policy.offer([knees], 5999, 1)).toBeNull();
    expect(policy.offer([knees], 6000, 1)).toEqual(knees);
  });

  it("stays silent while confidence is low", () => {
    const policy = new CuePolicy();
    expect(policy.offer([knees], 0, 0.3)).toBeNull();
    expect(policy.offer([knees], 100, 0.8)).toEqual(knees);
  });

  it("picks the most severe of the cues it may speak", () => {
    const policy = new CuePolicy();
    expect(policy.offer([knees, chest], 0, 1)).toEqual(chest);
    expect(policy.offer([knees, chest], 2500, 1)).toEqual(knees);
  });

  it("forgets what was said on reset", () => {
    const policy = new CuePolicy();
    policy.offer([knees], 0, 1);
    policy.reset();
    expect(policy.offer([knees], 10, 1)).toEqual(knees);
  });
});
