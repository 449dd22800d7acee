import { describe, expect, it } from "vitest";
import { clockText, timelineKeyTarget } from "./timeline-keys";

const frames = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 2000, 3000];
const reps = [
  { startMs: 200, endMs: 900 },
  { startMs: 1000, endMs: 2500 },
];
const move = (key: string, currentMs: number, shift = false) =>
  timelineKeyTarget(key, shift, currentMs, frames, reps, 3000);

describe("timeline keys", () => {
  it("step one analysed frame with the arrows, stopping at the ends", () => {
    expect(move("ArrowRight", 300)).toBe(400);
    expect(move("ArrowLeft", 300)).toBe(200);
    expect(move("ArrowRight", 1000)).toBe(2000);
    expect(move("ArrowLeft", 0)).toBe(0);
    expect(move("ArrowRight", 3000)).toBe(3000);
  });

  it("step a second with Up/Down or Shift, clamped to the video", () => {
    expect(move("ArrowUp", 300)).toBe(1300);
    expect(move("ArrowDown", 300)).toBe(0);
    expect(move("ArrowRight", 2500, true)).toBe(3000);
  });

  it("jump between rep starts with Page Up/Down, and to the ends with Home/End", () => {
    expect(move("PageDown", 0)).toBe(200);
    expect(move("PageDown", 200)).toBe(1000);
    expect(move("PageUp", 1500)).toBe(1000);
    expect(move("PageUp", 1000)).toBe(200);
    expect(move("Home", 1500)).toBe(0);
    expect(move("End", 10)).toBe(3000);
  });

  it("leave other keys alone (Tab must still move focus)", () => {
    expect(move("Tab", 300)).toBeNull();
    expect(move("a", 300)).toBeNull();
  });

  it("read times as minutes and seconds", () => {
    expect(clockText(3240)).toBe("0:03.2");
    expect(clockText(75_000)).toBe("1:15.0");
  });
});
