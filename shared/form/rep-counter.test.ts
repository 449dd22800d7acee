import { describe, expect, it } from "vitest";
import { RepCounter, type RepEvent } from "./rep-counter";
import { EXERCISES } from "./exercises";

const squat = EXERCISES.squat;
if (squat.kind !== "reps") throw new Error("the squat is counted in reps");
const rules = squat.reps;

/** Feeds a progress curve sampled every `stepMs`; returns the events. */
function run(curve: (tMs: number) => number, durationMs: number, stepMs = 33): RepEvent[] {
  const counter = new RepCounter(rules);
  const events: RepEvent[] = [];
  for (let t = 0; t <= durationMs; t += stepMs) {
    const event = counter.push(curve(t), t);
    if (event) events.push(event);
  }
  return events;
}

const rep = (startMs: number, lengthMs: number, depth: number) => (t: number) =>
  t < startMs || t > startMs + lengthMs ? 0 : depth * Math.sin((Math.PI * (t - startMs)) / lengthMs);

describe("RepCounter", () => {
  it("counts a full rep when the person is back at the start", () => {
    const events = run(rep(500, 2000, 1), 3500);
    expect(events).toHaveLength(1);
    expect(events[0]?.partial).toBe(false);
    expect(events[0]?.tempoMs.away).toBeGreaterThan(0);
  });

  it("does not count a rep that has not come back up", () => {
    expect(run(rep(500, 4000, 1), 2500)).toHaveLength(0);
  });

  it("counts a movement of too little range as partial", () => {
    const events = run(rep(500, 2000, 0.35), 3500);
    expect(events.map((e) => e.partial)).toEqual([true]);
  });

  it("ignores jitter around the edge of the start band", () => {
    const jitter = (t: number) => rules.leaveStart + 0.05 * Math.sin(t / 20);
    expect(run(jitter, 5000)).toHaveLength(0);
  });

  it("rejects a rep faster than the shortest plausible one", () => {
    expect(run(rep(500, rules.minRepMs - 150, 1), 2000, 10)).toHaveLength(0);
  });

  it("counts touch-and-go reps that never pause at the start position", () => {
    const bounce = (t: number) =>
      t < 300 ? 0 : 0.25 + 0.75 * Math.abs(Math.sin((Math.PI * (t - 300)) / 2000));
    const events = run((t) => (t > 6300 ? 0 : bounce(t)), 7000);
    expect(events.filter((e) => !e.partial)).toHaveLength(3);
  });

  it("does not count a movement that began before the first start position", () => {
    const events = run((t) => (t < 1000 ? 1 - t / 1000 : 0), 2000);
    expect(events).toHaveLength(0);
  });
});
