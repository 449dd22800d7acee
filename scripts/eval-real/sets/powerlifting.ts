import { join } from "node:path";
import type { ExerciseId, FaultId, FrameVerdict } from "../../../shared/form/index.ts";
import { faultLimit, faultSpec } from "../../../shared/form/labels.ts";
import { median } from "../../bench/stats.ts";
import { LANDMARK_COUNT, type Landmark } from "../../../shared/pose/index.ts";
import { readCsv } from "../csv.ts";
import { judge, throughLandmarkFile, type RawFrame } from "../landmarks.ts";
import { precisionRecall, type Figure, type SetResult } from "../result.ts";
import { passDepth, type DepthPass } from "./squat-depth.ts";
import { screenSquatKnees, type SquatPass } from "./squat-knees.ts";

/** The data's lifts, the engine's exercise for each, and each labelled fault's engine fault. */
const LIFTS: Record<string, { exercise: ExerciseId | null; faults: Record<string, FaultId | null> }> = {
  squat: {
    exercise: "squat",
    faults: { caved_in_knees: "knee_valgus", feet_spread: "wide_stance", spine_neutral: null },
  },
  deadlift: {
    exercise: "hip_hinge",
    faults: { spine_neutral: "rounded_back", arms_spread: null, arms_narrow: null },
  },
  benchpress: { exercise: null, faults: { excessive_arch: null, arms_spread: null } },
};
/** Key frames were picked by hand while the video played: each is held like a short pause. */
const HOLD_MS = 300;
const FRAME_MS = 1000 / 30;
const ASPECT = 720 / 1280;

interface Block {
  id: number;
  fault: string;
  frames: Landmark[][];
  /** The data's phase label per frame: `down` (the bottom) or `up` (standing). */
  phases: string[];
}

function blocksOf(dir: string, lift: string): Block[] {
  const coords = readCsv(join(dir, `${lift}_coords.csv`)).rows;
  const index = readCsv(join(dir, `${lift}_row_index.csv`)).rows;
  const blocks = new Map<string, Block>();
  index.forEach(([row = "", , fault = "", phase = "", block = ""]) => {
    const values = (coords[Number(row)] ?? []).slice(1).map(Number);
    const landmarks = Array.from({ length: LANDMARK_COUNT }, (_, k) => ({
      x: values[4 * k] ?? 0,
      y: values[4 * k + 1] ?? 0,
      z: values[4 * k + 2] ?? 0,
      visibility: Math.min(1, Math.max(0, values[4 * k + 3] ?? 0)),
    }));
    const entry = blocks.get(block) ?? { id: Number(block), fault, frames: [], phases: [] };
    entry.frames.push(landmarks);
    entry.phases.push(phase);
    blocks.set(block, entry);
  });
  return [...blocks.values()];
}

/**
 * One acted lifter, front and side views, hand-picked key frames. Each labelling pass over one video (a
 * block) is judged as one set: did the engine hold the labelled fault against it? Per mapped
 * fault, precision and recall over blocks; labelled faults the engine has no rule for are named.
 */
export function evaluatePowerlifting(dir: string): SetResult {
  const figures: Figure[] = [];
  const details: string[] = [];
  for (const [lift, { exercise, faults }] of Object.entries(LIFTS)) {
    if (!exercise) {
      details.push(`${lift}: no Spotter exercise, not judged (${Object.keys(faults).join(", ")})`);
      continue;
    }
    const tallies = new Map<FaultId, { tp: number; fp: number; fn: number }>();
    const readings = new Map<string, number[]>();
    const squatPasses: SquatPass[] = [];
    const depthPasses: DepthPass[] = [];
    for (const block of blocksOf(dir, lift)) {
      const raw: RawFrame[] = [];
      let tMs = 0;
      for (const landmarks of block.frames)
        for (let held = 0; held < HOLD_MS; held += FRAME_MS) {
          raw.push({ tMs: Math.round(tMs), landmarks, imageAspect: ASPECT });
          tMs += FRAME_MS;
        }
      const { summary, verdicts } = judge(exercise, throughLandmarkFile(raw, `${lift} block`));
      const said = new Set([...Object.keys(summary.faultCounts), ...summary.heldFaults]);
      if (exercise === "squat") {
        depthPasses.push({
          block: block.id,
          fault: block.fault,
          view: mostSeenView(verdicts),
          reps: summary.repResults.filter((r) => !r.partial),
          verdicts,
        });
        squatPasses.push({
          block: block.id,
          fault: block.fault,
          view: mostSeenView(verdicts),
          engineSaid: said.has("knee_valgus"),
          frames: block.frames.map((landmarks, i) => ({ phase: block.phases[i] ?? "", landmarks })),
        });
      }
      for (const engineFault of Object.values(faults)) {
        if (!engineFault) continue;
        const truth = faults[block.fault] === engineFault;
        const t = tallies.get(engineFault) ?? { tp: 0, fp: 0, fn: 0 };
        if (truth && said.has(engineFault)) t.tp++;
        else if (said.has(engineFault)) t.fp++;
        else if (truth) t.fn++;
        tallies.set(engineFault, t);
        const value = workingMedian(exercise, engineFault, verdicts);
        const key = `${engineFault}\u0000${block.fault}`;
        if (value !== null) readings.set(key, [...(readings.get(key) ?? []), value]);
      }
    }
    for (const [fault, t] of tallies) {
      const { precision, recall } = precisionRecall(t.tp, t.fp, t.fn);
      figures.push({ name: `${lift} ${fault}: precision over passes`, value: precision, unit: "rate" });
      figures.push({ name: `${lift} ${fault}: recall over passes`, value: recall, unit: "rate" });
    }
    for (const fault of new Set(Object.values(faults))) {
      if (!fault) continue;
      const spec = faultSpec(exercise, fault);
      const byLabel = [...readings]
        .filter(([key]) => key.startsWith(`${fault}\u0000`))
        .map(([key, values]) => `${key.split("\u0000")[1]} ${values.map((v) => v.toFixed(2)).join(" ")}`);
      if (spec && spec.kind === "frame")
        details.push(
          `${lift} ${fault}: ${spec.metric} over the working phase, median per pass (limit ${faultLimit(spec)}): ${byLabel.join("; ")}`,
        );
    }
    if (depthPasses.length) {
      const depth = passDepth(depthPasses);
      figures.push(...depth.figures);
      details.push(...depth.details);
    }
    if (squatPasses.length) {
      const screens = screenSquatKnees(squatPasses);
      figures.push(...screens.figures);
      details.push(...screens.details);
    }
    const unmapped = Object.entries(faults)
      .filter(([, f]) => !f)
      .map(([label]) => label);
    if (unmapped.length) details.push(`${lift}: no engine rule for ${unmapped.join(", ")}`);
  }
  return {
    set: "powerlifting",
    description: "one acted lifter, front and side views, faults per labelling pass (block)",
    figures,
    details,
  };
}

/**
 * Median of a frame fault's metric over the frames it is judged on (the phases and progress it
 * names), for the lines that say why a pass was or was not flagged; null for a per-rep fault.
 */
function workingMedian(
  exercise: ExerciseId,
  fault: FaultId,
  verdicts: readonly FrameVerdict[],
): number | null {
  const spec = faultSpec(exercise, fault);
  if (!spec || spec.kind !== "frame") return null;
  const values = verdicts.flatMap((v) => {
    const value = v.metrics[spec.metric];
    const judged =
      v.phase !== undefined && spec.phases.includes(v.phase) && (v.metrics.progress ?? 0) >= spec.minProgress;
    return judged && value !== undefined ? [value] : [];
  });
  return median(values);
}

/** The view the engine saw on most frames of a pass ("none" when it never told). */
function mostSeenView(verdicts: readonly FrameVerdict[]): string {
  const counts = new Map<string, number>();
  for (const v of verdicts) if (v.view) counts.set(v.view, (counts.get(v.view) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "none";
}
