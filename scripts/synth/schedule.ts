import type { Phase, SynthParams } from "./types.ts";

/** One rep's timing in milliseconds from the start of the clip. */
export interface RepTiming {
  rep: number;
  startMs: number;
  bottomMs: number;
  endMs: number;
}

export interface FrameTiming {
  index: number;
  tMs: number;
  rep: number;
  phase: Phase;
  progress: number;
}

// Fractions of a rep: lower, hold at the bottom, rise, pause at the top.
const DESCENT_END = 0.42;
const BOTTOM_END = 0.52;
const ASCENT_END = 0.92;

/** Deterministic PRNG (mulberry32) so jittered timings are reproducible from the seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type TimingParams = Pick<SynthParams, "reps" | "tempoS" | "leadInS" | "leadOutS" | "jitter" | "seed">;

export function repSchedule(params: TimingParams): RepTiming[] {
  const random = seededRandom(params.seed);
  const reps: RepTiming[] = [];
  let startMs = params.leadInS * 1000;
  for (let rep = 1; rep <= params.reps; rep++) {
    const durationMs = params.tempoS * 1000 * (1 + params.jitter * (2 * random() - 1));
    const bottomMs = startMs + durationMs * ((DESCENT_END + BOTTOM_END) / 2);
    reps.push({ rep, startMs, bottomMs, endMs: startMs + durationMs });
    startMs += durationMs;
  }
  return reps;
}

export function clipDurationMs(params: TimingParams, reps: RepTiming[]): number {
  const last = reps.at(-1);
  return (last ? last.endMs : params.leadInS * 1000) + params.leadOutS * 1000;
}

/** Smooth 0→1 so motion starts and stops without jerks. */
function ease(t: number): number {
  return 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, t)));
}

/** Where in a rep a time falls: phase and 0..1 progress towards the bottom. */
export function phaseAt(tMs: number, reps: RepTiming[]): { rep: number; phase: Phase; progress: number } {
  const current = reps.find((r) => tMs >= r.startMs && tMs < r.endMs);
  if (!current) return { rep: 0, phase: "setup", progress: 0 };
  const u = (tMs - current.startMs) / (current.endMs - current.startMs);
  if (u < DESCENT_END) return { rep: current.rep, phase: "descent", progress: ease(u / DESCENT_END) };
  if (u < BOTTOM_END) return { rep: current.rep, phase: "bottom", progress: 1 };
  if (u < ASCENT_END) {
    return {
      rep: current.rep,
      phase: "ascent",
      progress: 1 - ease((u - BOTTOM_END) / (ASCENT_END - BOTTOM_END)),
    };
  }
  return { rep: current.rep, phase: "top", progress: 0 };
}

/** Frame times are exact multiples of the frame period, as a decoder would report them. */
export function frameTimeline(params: TimingParams & { fps: number }): {
  frames: FrameTiming[];
  reps: RepTiming[];
} {
  const reps = repSchedule(params);
  const frameCount = Math.round((clipDurationMs(params, reps) / 1000) * params.fps);
  const frames: FrameTiming[] = [];
  for (let index = 0; index < frameCount; index++) {
    const tMs = (index * 1000) / params.fps;
    frames.push({ index, tMs, ...phaseAt(tMs, reps) });
  }
  return { frames, reps };
}

/** For each 30 fps MJPEG frame, the nearest rendered frame (Chromium's file capture is fixed at 30 fps). */
export function resampleIndices(frameCount: number, fps: number, targetFps: number): number[] {
  const durationS = frameCount / fps;
  const count = Math.max(1, Math.round(durationS * targetFps));
  return Array.from({ length: count }, (_, i) => Math.min(frameCount - 1, Math.round((i * fps) / targetFps)));
}
