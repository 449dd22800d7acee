import { describe, expect, it } from "vitest";
import { CUE_REPEAT_MS, FRESH_MEMORY, nextAnnouncement, PHASE_GAP_MS, type CoachingMoment } from "./announce";

/** Feeds moments at the given times and returns what was announced, with its time. */
function run(moments: [number, CoachingMoment][]): [number, string][] {
  let memory = FRESH_MEMORY;
  const said: [number, string][] = [];
  for (const [atMs, moment] of moments) {
    const step = nextAnnouncement(memory, moment, atMs);
    memory = step.memory;
    if (step.text) said.push([atMs, step.text]);
  }
  return said;
}

const at = (reps: number, phase: string | null, cue: string | null = null): CoachingMoment => ({
  reps,
  phase,
  cue,
});

describe("coaching announcements", () => {
  it("says nothing while nothing changes, frame after frame", () => {
    const frames: [number, CoachingMoment][] = Array.from({ length: 300 }, (_, i) => [i * 33, at(0, null)]);
    expect(run(frames)).toEqual([]);
  });

  it("announces a new cue at once and the same cue again only after a while", () => {
    const said = run([
      [0, at(0, null, "Chest up")],
      [1000, at(0, null, "Chest up")],
      [CUE_REPEAT_MS - 1, at(0, null, "Chest up")],
      [CUE_REPEAT_MS, at(0, null, "Chest up")],
      [CUE_REPEAT_MS + 10, at(0, null, "Knees out")],
    ]);
    expect(said).toEqual([
      [0, "Chest up"],
      [CUE_REPEAT_MS, "Chest up"],
      [CUE_REPEAT_MS + 10, "Knees out"],
    ]);
  });

  it("keeps phases out of the way of rep counts and cues, and throttles them", () => {
    const said = run([
      [0, at(0, "Ready")],
      [500, at(0, "Going")], // too soon after "Ready"
      [1000, at(1, "Ready")], // a rep: its own region speaks, phases wait
      [PHASE_GAP_MS + 999, at(1, "Going")],
      [PHASE_GAP_MS + 1000, at(1, "Going")],
    ]);
    expect(said).toEqual([
      [0, "Ready"],
      [PHASE_GAP_MS + 1000, "Going"],
    ]);
  });

  it("a held position is announced once, not on every frame", () => {
    const frames: [number, CoachingMoment][] = Array.from({ length: 200 }, (_, i) => [
      i * 50,
      at(0, "Holding"),
    ]);
    expect(run(frames)).toEqual([[0, "Holding"]]);
  });
});
