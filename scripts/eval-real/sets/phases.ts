import { join } from "node:path";
import type { ExerciseId } from "../../../shared/form/index.ts";
import { LANDMARK_COUNT, type Landmark } from "../../../shared/pose/index.ts";
import { readCsv } from "../csv.ts";
import { judge, throughLandmarkFile, type RawFrame } from "../landmarks.ts";
import { rate, type Figure, type SetResult } from "../result.ts";
import { bottomDepthCalls, bottomsDepth, type VideoBottoms } from "./squat-depth.ts";

/** Data set classes Spotter knows, and which salient pose is the start position. */
const CLASSES: Record<string, { exercise: ExerciseId; startSalient: "salient1" | "salient2" }> = {
  squat: { exercise: "squat", startSalient: "salient1" },
  lunge: { exercise: "lunge", startSalient: "salient2" },
  push_up: { exercise: "push_up", startSalient: "salient1" },
};
/** Each key pose is held this long, so the engine's smoothing settles on it as on a pause. */
const HOLD_MS = 600;
const FRAME_MS = 1000 / 30;

interface KeyFrame {
  index: number;
  atStart: boolean;
  landmarks: Landmark[];
}

function videosOf(dir: string): Map<string, { cls: string; frames: KeyFrame[] }> {
  const videos = new Map<string, { cls: string; frames: KeyFrame[] }>();
  for (const row of readCsv(join(dir, "keyframes.csv")).rows) {
    const [path = "", cls = ""] = row;
    const known = CLASSES[cls];
    if (!known) continue;
    const [, , salient, video = "", file = ""] = path.split("/");
    const coords = row.slice(2).map(Number);
    const landmarks = Array.from({ length: LANDMARK_COUNT }, (_, i) => ({
      x: coords[3 * i] ?? 0,
      y: coords[3 * i + 1] ?? 0,
      z: 0,
      visibility: 1,
    }));
    const key = `${cls}/${video}`;
    const entry = videos.get(key) ?? { cls, frames: [] };
    entry.frames.push({
      index: Number.parseInt(file, 10),
      atStart: salient === known.startSalient,
      landmarks,
    });
    videos.set(key, entry);
  }
  return videos;
}

/**
 * Up and down key poses from 343 videos of many people: per video, its key frames in order, each
 * held for a moment; per frame, does the engine call the start position (standing, arms
 * extended) the start and the far end not? And at each squat bottom, does the depth rule call it
 * shallow (now and as it was)?
 */
export function evaluatePhases(dir: string): SetResult {
  const tallies = new Map<string, { hits: number; total: number; videos: number }>();
  const squatBottoms: VideoBottoms[] = [];
  for (const [name, { cls, frames }] of videosOf(dir)) {
    const { exercise } = CLASSES[cls]!;
    frames.sort((a, b) => a.index - b.index);
    const size = Math.max(1, ...frames.flatMap((f) => f.landmarks.flatMap((p) => [p.x, p.y])));
    const raw: RawFrame[] = [];
    const judgedAt: number[] = [];
    let tMs = 0;
    for (const frame of frames) {
      const landmarks = frame.landmarks.map((p) => ({ ...p, x: p.x / size, y: p.y / size }));
      for (let held = 0; held < HOLD_MS; held += FRAME_MS) {
        raw.push({ tMs: Math.round(tMs), landmarks });
        tMs += FRAME_MS;
      }
      judgedAt.push(raw.length - 1);
    }
    const { verdicts } = judge(exercise, throughLandmarkFile(raw, `phases ${name}`));
    const tally = tallies.get(cls) ?? { hits: 0, total: 0, videos: 0 };
    tally.videos++;
    frames.forEach((frame, k) => {
      const verdict = verdicts[judgedAt[k]!];
      const saidStart = verdict?.phase === "start";
      tally.total++;
      if (verdict?.phase && saidStart === frame.atStart) tally.hits++;
    });
    tallies.set(cls, tally);
    if (cls === "squat") {
      const bottoms = frames.flatMap((frame, k) => (frame.atStart ? [] : [verdicts[judgedAt[k]!]]));
      const calls = bottoms.flatMap((v) => (v ? (bottomDepthCalls(v) ?? []) : []));
      const number = Number.parseInt(/(\d+)\.[^.]+$/.exec(name)?.[1] ?? "", 10);
      squatBottoms.push({ odd: number % 2 === 1, calls, unread: bottoms.length - calls.length });
    }
  }
  const figures: Figure[] = [...tallies].map(([cls, t]) => ({
    name: `${cls}: start vs far end, per key frame (${t.videos} videos)`,
    value: rate(t.hits, t.total),
    unit: "rate",
  }));
  if (squatBottoms.length) figures.push(...bottomsDepth(squatBottoms));
  return {
    set: "phases",
    description: "up/down key frames from videos of many people (squat, lunge, push-up)",
    figures,
    details: [],
  };
}
