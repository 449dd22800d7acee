import { describe, expect, it } from "vitest";
import { EXERCISES } from "./exercises";
import { RepAccumulator } from "./rep-accumulator";
import type { RepEvent } from "./rep-counter";

const FRAME_MS = 33;
const REP_MS = 2000;

/** A 2 s curl rep at 30 fps with lean_back judged throughout and on between `onFromMs` and `onToMs`. */
function repWithLeanBack(onFromMs: number, onToMs: number) {
  const accumulator = new RepAccumulator(EXERCISES.bicep_curl);
  for (let tMs = 0; tMs <= REP_MS; tMs += FRAME_MS) {
    const on = tMs >= onFromMs && tMs < onToMs;
    accumulator.observe(
      tMs,
      { elbowMinDeg: 100 },
      Math.sin((Math.PI * tMs) / REP_MS),
      { active: on ? [{ id: "lean_back", severity: 0.6 }] : [], judged: ["lean_back"] },
      "side",
    );
  }
  const event: RepEvent = {
    partial: false,
    startMs: 0,
    endMs: REP_MS,
    peakProgress: 1,
    tempoMs: { start: 0, away: 900, end: 200, return: 900 },
  };
  return accumulator.finish(event, 0).result;
}

const hasLeanBack = (faults: readonly { id: string }[]) => faults.some((f) => f.id === "lean_back");

describe("a frame fault within a rep", () => {
  it("counts against the rep when it lasts a good part of the rep", () => {
    expect(hasLeanBack(repWithLeanBack(500, 1500).faults)).toBe(true);
  });

  it("does not count when it only flickers on for a moment of a long rep", () => {
    expect(hasLeanBack(repWithLeanBack(900, 1100).faults)).toBe(false);
  });
});
