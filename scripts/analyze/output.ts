import type { FrameVerdict, SetSummary } from "../../shared/form/index.ts";
import { exerciseName, faultLabel, faultWhy } from "../../shared/form/labels.ts";
import type { Landmark, PoseFrame } from "../../shared/pose/index.ts";

/** One `--json` frame line. */
export interface FrameLine {
  t: number;
  landmarks?: Landmark[];
  worldLandmarks?: Landmark[];
  imageAspect?: number;
  phase?: FrameVerdict["phase"];
  reps?: number;
  faults?: string[];
  confidence?: number;
  reason?: string;
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

function roundLandmarks(points: readonly Landmark[]): Landmark[] {
  return points.map((p) => ({
    x: round(p.x),
    y: round(p.y),
    z: round(p.z),
    visibility: round(p.visibility),
  }));
}

/**
 * Builds a frame line. Pose input adds its landmarks, world landmarks and image aspect, so the
 * output can be fed back as a landmark file and judged the same way; landmark-file input leaves
 * them out (they came from the user).
 */
export function frameLine(tMs: number, pose: PoseFrame | null, verdict: FrameVerdict | null): FrameLine {
  const line: FrameLine = { t: Math.round(tMs * 1000) / 1000 };
  if (pose) {
    line.landmarks = roundLandmarks(pose.landmarks);
    if (pose.worldLandmarks?.length) line.worldLandmarks = roundLandmarks(pose.worldLandmarks);
    if (pose.imageAspect !== undefined) line.imageAspect = round(pose.imageAspect);
  }
  if (verdict) {
    if (verdict.phase) line.phase = verdict.phase;
    line.reps = verdict.reps;
    line.faults = verdict.faults;
    line.confidence = verdict.confidence;
    if (verdict.reason) line.reason = verdict.reason;
  } else if (pose && pose.landmarks.length === 0) {
    line.reason = "no_person";
  }
  return line;
}

export interface Report {
  input: string;
  kind: "image" | "video" | "landmarks";
  frames: number;
  framesWithPerson: number;
  model?: string;
  delegate?: string;
  decoder?: string;
  caveat?: string;
  codec?: string;
  width?: number;
  height?: number;
  durationMs?: number;
  timings: Record<string, number | null>;
  exercise?: string;
  set?: SetSummary;
}

function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? "n/a" : value.toFixed(digits);
}

/** The short human-readable report printed without `--json`. */
export function humanReport(report: Report): string {
  const lines = [
    `${report.input}: ${report.kind}, ${report.frames} frame(s), person on ${report.framesWithPerson}`,
  ];
  if (report.model)
    lines.push(
      `Pose: ${report.model} model on ${report.delegate}, decoded by ${report.decoder} (${report.codec})`,
    );
  if (report.caveat) lines.push(`Note: ${report.caveat}`);
  const t = report.timings;
  if (report.kind === "video") {
    lines.push(
      `Speed: ${fixed(t.framesPerSecond)} frames/s, ${fixed(t.realtimeFactor, 2)}x real time, median inference ${fixed(t.inferenceMedianMs)} ms, round trip ${fixed(t.roundTripMedianMs)} ms`,
    );
  }
  if (report.set) {
    const set = report.set;
    const average = set.averageScore === null ? "n/a" : Math.round(set.averageScore);
    const exercise = set.exerciseId;
    lines.push(
      `${exerciseName(exercise)}: ${set.reps} rep(s), ${set.partialReps} partial, average score ${average}`,
    );
    for (const rep of set.repResults) {
      const faults = rep.faults.map((f) => faultLabel(exercise, f.id)).join(", ") || "no faults";
      lines.push(
        `  rep ${rep.index + 1}${rep.partial ? " (partial)" : ""}: ${fixed(rep.startMs / 1000)}-${fixed(rep.endMs / 1000)} s, score ${Math.round(rep.score)}, range ${Math.round(rep.romRatio * 100)}%, ${faults}`,
      );
      // The report keeps no frames, so the why names the measure and its limit, not the value.
      for (const f of rep.faults)
        lines.push(`    ${faultLabel(exercise, f.id)}: ${faultWhy(exercise, f.id) ?? ""}`);
    }
  } else if (report.frames === 1 && report.framesWithPerson === 0) {
    lines.push("No person found.");
  }
  return lines.join("\n");
}
