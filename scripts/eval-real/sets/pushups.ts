import { join } from "node:path";
import { faultMeasurement } from "../../../shared/form/fault-evidence.ts";
import type { FaultId, FrameVerdict, SetSummary } from "../../../shared/form/index.ts";
import { faultLimit, faultSpec } from "../../../shared/form/labels.ts";
import { LANDMARK_COUNT, type Landmark, type PoseFrame } from "../../../shared/pose/index.ts";
import { median } from "../../bench/stats.ts";
import { readCsv } from "../csv.ts";
import { MISSING, judge, throughLandmarkFile } from "../landmarks.ts";
import { rate, type SetResult } from "../result.ts";

export interface PushupClip {
  clip: string;
  label: "correct" | "wrong";
  frames: PoseFrame[];
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

/** The half of a set a clip belongs to by the number in its name: thresholds are chosen on "odd". */
export const half = (clip: string): "odd" | "even" => (Number(clip.replace(/\D/g, "")) % 2 ? "odd" : "even");

const SIDEWAYS_VIEWS: readonly string[] = ["side", "oblique"];
const seenSideways = (v: FrameVerdict): boolean => v.view !== undefined && SIDEWAYS_VIEWS.includes(v.view);
/** Share of a clip's frames seen from the side or at an angle, where a hip line can be judged. */
const sidewaysShare = (verdicts: readonly FrameVerdict[]): number =>
  verdicts.filter(seenSideways).length / Math.max(1, verdicts.length);

/** The sag's own rule says which frames are its working phase: the eval reads the hip line there. */
const SAG = faultSpec("push_up", "hips_sag");
const inWorkingPhase = (v: FrameVerdict): boolean =>
  SAG?.kind === "frame" &&
  v.phase !== undefined &&
  SAG.phases.includes(v.phase) &&
  (v.metrics.progress ?? 0) >= SAG.minProgress;

/**
 * What the engine read in a clip, for the lines that explain a miss: the share of frames seen from
 * the side, the hip line's median over the sag rule's working phase (seen sideways) and the
 * deepest elbow angle.
 */
function reading(verdicts: readonly FrameVerdict[]): string {
  const working = verdicts.flatMap((v) =>
    seenSideways(v) && inWorkingPhase(v) && v.metrics.hipLineDeg !== undefined ? [v.metrics.hipLineDeg] : [],
  );
  const elbows = verdicts.flatMap((v) => (v.metrics.elbowDeg === undefined ? [] : [v.metrics.elbowDeg]));
  const hipLine = median(working);
  return [
    `side/oblique ${Math.round(100 * sidewaysShare(verdicts))} %`,
    `hip line in the working phase ${hipLine === null ? "—" : `${hipLine.toFixed(1)}°`} (${working.length} frames)`,
    `deepest elbow ${elbows.length ? `${Math.min(...elbows).toFixed(0)}°` : "—"}`,
  ].join(", ");
}

/** Each fault the engine held, with the measurement that put it there and its rule's limit. */
function margins(faults: readonly FaultId[], summary: SetSummary, verdicts: readonly FrameVerdict[]): string {
  const full = summary.repResults.filter((r) => !r.partial);
  const romRatio = full.length ? Math.min(...full.map((r) => r.romRatio)) : undefined;
  return faults
    .map((id) => {
      const spec = faultSpec("push_up", id);
      const value = faultMeasurement("push_up", id, { startMs: 0, endMs: Infinity, romRatio }, verdicts);
      return `${id} ${value === undefined ? "—" : value.toFixed(2)}${spec ? ` (limit ${faultLimit(spec)})` : ""}`;
    })
    .join(", ");
}

interface Tally {
  hits: number;
  total: number;
  wrongCaught: number;
  wrongTotal: number;
  correctPassed: number;
  correctTotal: number;
}
const emptyTally = (): Tally => ({
  hits: 0,
  total: 0,
  wrongCaught: 0,
  wrongTotal: 0,
  correctPassed: 0,
  correctTotal: 0,
});

function count(t: Tally, label: PushupClip["label"], said: PushupClip["label"]): void {
  t.total++;
  if (said === label) t.hits++;
  if (label === "wrong") {
    t.wrongTotal++;
    if (said === "wrong") t.wrongCaught++;
  } else {
    t.correctTotal++;
    if (said === "correct") t.correctPassed++;
  }
}

/**
 * A clip is judged wrong when the engine holds a fault against any rep or against the set as a
 * whole (a clip may be too short to finish a rep); clip accuracy against the labels, over all
 * clips and over each half by clip number (thresholds were chosen on the odd half: the even half
 * is the held-out figure).
 */
export function evaluatePushups(dir: string): SetResult {
  return scorePushups(
    loadPushups(dir),
    "pushups",
    (n) => `push-up clips from the web, ${n} clips labelled correct/wrong`,
  );
}

/** Clip accuracy and its splits for `clips`, reported as set `name`. */
export function scorePushups(
  clips: readonly PushupClip[],
  name: string,
  describe: (clips: number) => string,
): SetResult {
  const tallies = {
    all: emptyTally(),
    odd: emptyTally(),
    even: emptyTally(),
    sideways: emptyTally(),
    facing: emptyTally(),
  };
  const details: string[] = [];
  for (const clip of clips) {
    const { verdicts, summary } = judge("push_up", clip.frames);
    const faults = [...new Set([...(Object.keys(summary.faultCounts) as FaultId[]), ...summary.heldFaults])];
    const said = faults.length ? "wrong" : "correct";
    count(tallies.all, clip.label, said);
    count(tallies[half(clip.clip)], clip.label, said);
    count(tallies[sidewaysShare(verdicts) >= 0.5 ? "sideways" : "facing"], clip.label, said);
    // Every miss, and every fault held (with its margin), right or wrong.
    if (said !== clip.label || faults.length)
      details.push(
        `${said === clip.label ? "ok  " : "MISS"} ${clip.clip} (${clip.label}): engine said ${said}${faults.length ? ` (${margins(faults, summary, verdicts)})` : ""}; ${reading(verdicts)}`,
      );
  }
  const { all, odd, even, sideways, facing } = tallies;
  return {
    set: name,
    description: describe(clips.length),
    figures: [
      {
        name: "clip accuracy",
        value: rate(all.hits, all.total),
        reference: 0.83,
        goal: "at_least",
        unit: "rate",
        note: "reference: learned classifiers 0.83–0.91",
      },
      {
        name: `clip accuracy, odd half (${odd.total}: thresholds chosen here)`,
        value: rate(odd.hits, odd.total),
        unit: "rate",
      },
      {
        name: `clip accuracy, even half (${even.total}: held out)`,
        value: rate(even.hits, even.total),
        unit: "rate",
      },
      { name: "wrong clips caught", value: rate(all.wrongCaught, all.wrongTotal), unit: "rate" },
      { name: "correct clips passed", value: rate(all.correctPassed, all.correctTotal), unit: "rate" },
      {
        name: `clips seen mostly from the side or at an angle (${sideways.total})`,
        value: rate(sideways.hits, sideways.total),
        unit: "rate",
        note: `wrong caught ${sideways.wrongCaught}/${sideways.wrongTotal}, correct passed ${sideways.correctPassed}/${sideways.correctTotal}`,
      },
      {
        name: `clips seen mostly from the front or unseen (${facing.total}: hips not judged)`,
        value: rate(facing.hits, facing.total),
        unit: "rate",
        note: `wrong caught ${facing.wrongCaught}/${facing.wrongTotal}, correct passed ${facing.correctPassed}/${facing.correctTotal}`,
      },
    ],
    details,
  };
}
