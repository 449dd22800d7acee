import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as v from "valibot";
import { EXERCISE_IDS, type ExerciseId } from "../../../shared/form/index.ts";
import type { FrameVerdict, RepResult } from "../../../shared/form/index.ts";
import { LM, type PoseFrame } from "../../../shared/pose/index.ts";
import { posesOf, type AppPoseOptions } from "../app-poses.ts";
import { judge } from "../landmarks.ts";
import { rate, type SetResult } from "../result.ts";
import { angleSpread, deepestThighDeg } from "./squat-depth.ts";
import { kneeAnkleRatio } from "./squat-knees.ts";

const TruthSchema = v.object({
  exercise: v.picklist(EXERCISE_IDS),
  reps: v.number(),
  partial_reps: v.number(),
  rep_times_s: v.array(v.number()),
  rep_event: v.string(),
  view: v.string(),
});

/** A counted rep "matches" a hand-timed one when the hand time falls inside it, give or take this. */
const MATCH_SLACK_MS = 500;

/**
 * Knee-to-ankle separation (image) on the deepest frame of each counted rep: what a front-view
 * knee-valgus screen would read (below 1 the knees are inside the feet).
 */
function kneesAtBottoms(
  frames: readonly PoseFrame[],
  verdicts: readonly FrameVerdict[],
  reps: readonly RepResult[],
): string {
  const ratios = reps.flatMap((rep) => {
    let deepest = -1;
    verdicts.forEach((v, i) => {
      const inside = v.tMs >= rep.startMs && v.tMs <= rep.endMs;
      if (inside && (deepest < 0 || (v.metrics.progress ?? 0) > (verdicts[deepest]?.metrics.progress ?? 0)))
        deepest = i;
    });
    const landmarks = frames[deepest]?.landmarks;
    return landmarks && landmarks.length > LM.rightAnkle ? [kneeAnkleRatio(landmarks)] : [];
  });
  const shown = ratios.map((r) => r.toFixed(2)).join(" ");
  return `knee/ankle separation at each counted rep's deepest frame: ${shown || "—"}`;
}

/** Real clips counted by hand: exact rep and partial-rep counts, and reps found at the right time. */
export async function evaluateVideos(dir: string, options: AppPoseOptions): Promise<SetResult> {
  const clips = readdirSync(dir)
    .filter((f) => f.endsWith(".mp4"))
    .sort();
  let exact = 0;
  let exactPartials = 0;
  let timed = 0;
  let truthReps = 0;
  let cachedClips = 0;
  const details: string[] = [];
  for (const file of clips) {
    const truthPath = join(dir, file.replace(/\.mp4$/, ".truth.json"));
    if (!existsSync(truthPath)) continue;
    const truth = v.parse(TruthSchema, JSON.parse(readFileSync(truthPath, "utf8")));
    const { frames, cached } = await posesOf(join(dir, file), options);
    if (cached) cachedClips++;
    const { summary, verdicts } = judge(truth.exercise as ExerciseId, frames);
    const counted = summary.repResults.filter((r) => !r.partial);
    const matched = truth.rep_times_s.filter((s) =>
      counted.some((r) => s * 1000 >= r.startMs - MATCH_SLACK_MS && s * 1000 <= r.endMs + MATCH_SLACK_MS),
    ).length;
    truthReps += truth.rep_times_s.length;
    timed += matched;
    if (summary.reps === truth.reps) exact++;
    if (summary.partialReps === truth.partial_reps) exactPartials++;
    details.push(
      `${file}: ${summary.reps} reps (truth ${truth.reps}), ${summary.partialReps} partial (truth ${truth.partial_reps}), ` +
        `${matched}/${truth.rep_times_s.length} hand-timed reps inside a counted rep; faults ${JSON.stringify(summary.faultCounts)}`,
    );
    if (truth.exercise === "squat") {
      details.push(`  ${kneesAtBottoms(frames, verdicts, counted)}`);
      const thighs = counted.flatMap((r) => deepestThighDeg(r, verdicts) ?? []);
      details.push(`  thighs above parallel at each counted rep's deepest frame: ${angleSpread(thighs)}`);
    }
  }
  details.push(
    `poses: ${cachedClips} of ${clips.length} clips from the cache in .cache/eval-real (--fresh runs the model again)`,
  );
  return {
    set: "videos",
    description: `${clips.length} real clips counted by hand, through the real worker and ${options.model} model`,
    figures: [
      {
        name: "clips with the exact rep count",
        value: rate(exact, clips.length),
        reference: 1,
        goal: "at_least",
        unit: "rate",
      },
      {
        name: "clips with the exact partial-rep count",
        value: rate(exactPartials, clips.length),
        reference: 1,
        goal: "at_least",
        unit: "rate",
      },
      { name: "hand-timed reps found at their time", value: rate(timed, truthReps), unit: "rate" },
    ],
    details,
  };
}
