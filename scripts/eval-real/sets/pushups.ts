import { join } from "node:path";
import { LANDMARK_COUNT, type Landmark } from "../../../shared/pose/index.ts";
import { readCsv } from "../csv.ts";
import { MISSING, judge, throughLandmarkFile } from "../landmarks.ts";
import { rate, type SetResult } from "../result.ts";

export interface PushupClip {
  clip: string;
  label: "correct" | "wrong";
  frames: ReturnType<typeof throughLandmarkFile>;
}

function parseFps(text: string): number {
  const [num = "", den = "1"] = text.split("/");
  const fps = Number(num) / Number(den);
  return Number.isFinite(fps) && fps > 0 ? fps : 30;
}

/**
 * Push-up clips from the web, labelled correct or wrong per clip, with MediaPipe's full-model
 * landmarks on every frame (rows without a pose become empty frames, as the analyser writes them).
 */
export function loadPushups(dir: string): PushupClip[] {
  const clips = readCsv(join(dir, "clips.csv")).rows;
  const meta = new Map(
    clips.map(([clip = "", label, , w, h, fps]) => [
      clip,
      { label, aspect: Number(w) / Number(h), fps: parseFps(fps ?? "") },
    ]),
  );
  const rows = readCsv(join(dir, "landmarks.csv.gz")).rows;
  const byClip = new Map<string, { tMs: number; landmarks: Landmark[]; imageAspect: number }[]>();
  for (const row of rows) {
    const [clip = "", , frame, detected] = row;
    const info = meta.get(clip);
    if (!info) continue;
    const landmarks: Landmark[] = [];
    if (detected === "1") {
      for (let i = 0; i < LANDMARK_COUNT; i++) {
        const [x, y, z, v] = row.slice(4 + 4 * i, 8 + 4 * i).map(Number);
        landmarks.push(
          [x, y, z, v].every((n) => Number.isFinite(n))
            ? { x: x!, y: y!, z: z!, visibility: Math.min(1, Math.max(0, v!)) }
            : MISSING,
        );
      }
    }
    const list = byClip.get(clip) ?? [];
    list.push({ tMs: (Number(frame) * 1000) / info.fps, landmarks, imageAspect: info.aspect });
    byClip.set(clip, list);
  }
  return [...byClip].map(([clip, frames]) => ({
    clip,
    label: meta.get(clip)?.label === "wrong" ? "wrong" : "correct",
    frames: throughLandmarkFile(frames, `push-up clip ${clip}`),
  }));
}

/**
 * A clip is judged wrong when the engine holds a fault against any rep or against the set as a
 * whole (a clip may be too short to finish a rep); clip accuracy against the labels.
 */
export function evaluatePushups(dir: string): SetResult {
  const clips = loadPushups(dir);
  let hits = 0;
  let wrongTotal = 0;
  let wrongCaught = 0;
  let correctTotal = 0;
  let correctPassed = 0;
  const details: string[] = [];
  for (const clip of clips) {
    const { summary } = judge("push_up", clip.frames);
    const faults = [...new Set([...Object.keys(summary.faultCounts), ...summary.heldFaults])];
    const said = faults.length ? "wrong" : "correct";
    if (said === clip.label) hits++;
    else
      details.push(
        `${clip.clip} (${clip.label}): engine said ${said}${faults.length ? ` (${faults.join(", ")})` : ""}`,
      );
    if (clip.label === "wrong") {
      wrongTotal++;
      if (said === "wrong") wrongCaught++;
    } else {
      correctTotal++;
      if (said === "correct") correctPassed++;
    }
  }
  return {
    set: "pushups",
    description: `push-up clips from the web, ${clips.length} clips labelled correct/wrong`,
    figures: [
      {
        name: "clip accuracy",
        value: rate(hits, clips.length),
        reference: 0.83,
        goal: "at_least",
        unit: "rate",
        note: "reference: learned classifiers 0.83–0.91",
      },
      { name: "wrong clips caught", value: rate(wrongCaught, wrongTotal), unit: "rate" },
      { name: "correct clips passed", value: rate(correctPassed, correctTotal), unit: "rate" },
    ],
    details,
  };
}
