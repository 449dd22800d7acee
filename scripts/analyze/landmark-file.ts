import * as v from "valibot";
import type { PoseFrame } from "../../shared/pose/index.ts";
import { AnalyzeCliError } from "./errors.ts";

const LandmarkSchema = v.object({
  x: v.number(),
  y: v.number(),
  z: v.number(),
  visibility: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});

const LandmarksSchema = v.pipe(
  v.array(LandmarkSchema),
  v.check((points) => points.length === 0 || points.length === 33, "expected 33 landmarks (or none)"),
);

const LineSchema = v.object({
  t: v.pipe(v.number(), v.finite()),
  landmarks: LandmarksSchema,
  // Optional extras the analyser itself writes, so its output reads back exactly.
  worldLandmarks: v.optional(LandmarksSchema),
  imageAspect: v.optional(v.pipe(v.number(), v.gtValue(0))),
});

/**
 * Reads a landmark file: one JSON object per line, `{"t": ms, "landmarks": [33 x {x, y, z,
 * visibility}]}` in MediaPipe's normalised image coordinates, times increasing, optionally with
 * `worldLandmarks` (metres) and `imageAspect` (width / height) as the analyser writes them. Blank lines are
 * skipped; anything else that does not fit is an error naming the line.
 */
export function parseLandmarkLines(text: string, name: string): PoseFrame[] {
  const frames: PoseFrame[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new AnalyzeCliError("unreadable_input", `${name}:${i + 1}: not valid JSON.`);
    }
    const result = v.safeParse(LineSchema, parsed);
    if (!result.success) {
      const issue = result.issues[0];
      const where = issue ? v.getDotPath(issue) : null;
      throw new AnalyzeCliError(
        "unreadable_input",
        `${name}:${i + 1}: ${where ? `${where}: ` : ""}${issue?.message ?? "not a landmark frame"}.`,
      );
    }
    const previous = frames.at(-1);
    if (previous && result.output.t <= previous.tMs) {
      throw new AnalyzeCliError(
        "unreadable_input",
        `${name}:${i + 1}: time ${result.output.t} does not increase.`,
      );
    }
    const { t, landmarks, worldLandmarks, imageAspect } = result.output;
    frames.push({
      tMs: t,
      landmarks,
      ...(worldLandmarks?.length ? { worldLandmarks } : {}),
      ...(imageAspect ? { imageAspect } : {}),
    });
  }
  if (frames.length === 0) throw new AnalyzeCliError("unreadable_input", `${name}: no landmark frames.`);
  return frames;
}
