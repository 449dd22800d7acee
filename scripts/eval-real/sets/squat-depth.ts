import type { FrameVerdict, Metrics, RepResult } from "../../../shared/form/index.ts";
import { faultSpec } from "../../../shared/form/labels.ts";
import { median } from "../../bench/stats.ts";
import { rate, type Figure } from "../result.ts";

/**
 * The squat's depth rule before it read the thighs: a rep whose knee angle got less than 0.82 of
 * the way from the person's standing angle to 90° (as the image or world points show the knee).
 */
const KNEE_RANGE_BEFORE = 0.82;

/** A rep's or a key frame's depth as the two rules read it. */
export interface DepthCalls {
  /** The engine now: the squat's shallow_depth rule on the measure it names. */
  now: boolean;
  /** The rule until now, on the knee's range. */
  before: boolean;
}

/** Whether the squat's depth rule calls a reading shallow (the rule's own measure and limit). */
export function calledShallow(metrics: Metrics): boolean | undefined {
  const spec = faultSpec("squat", "shallow_depth");
  if (!spec || spec.kind !== "rep") return undefined;
  const value = metrics[spec.metric];
  if (value === undefined) return undefined;
  return spec.direction === "above" ? value > spec.threshold : value < spec.threshold;
}

/** One counted rep of a squat set: what the engine said and what the old rule would have. */
export function repDepthCalls(rep: RepResult): DepthCalls {
  return {
    now: rep.faults.some((f) => f.id === "shallow_depth"),
    before: rep.romRatio < KNEE_RANGE_BEFORE,
  };
}

/** A bottom key pose, from the verdict on its last held frame (the engine has settled on it). */
export function bottomDepthCalls(verdict: FrameVerdict): DepthCalls | undefined {
  const now = calledShallow(verdict.metrics);
  const progress = verdict.metrics.progress;
  if (now === undefined || progress === undefined) return undefined;
  return { now, before: progress < KNEE_RANGE_BEFORE };
}

/** Rates of "sit deeper" now and before over some calls, as two figures. */
export function depthFigures(name: string, calls: readonly DepthCalls[], note?: string): Figure[] {
  const n = calls.length;
  return [
    {
      name: `${name}: told to sit deeper, before`,
      value: rate(calls.filter((c) => c.before).length, n),
      unit: "rate",
      note: `${n}`,
    },
    {
      name: `${name}: told to sit deeper, now`,
      value: rate(calls.filter((c) => c.now).length, n),
      unit: "rate",
      ...(note ? { note } : {}),
    },
  ];
}

/** The thighs' angle above parallel at a rep's deepest point (its peak progress), degrees. */
export function deepestThighDeg(rep: RepResult, verdicts: readonly FrameVerdict[]): number | undefined {
  let deepest: FrameVerdict | undefined;
  for (const v of verdicts) {
    if (v.tMs < rep.startMs || v.tMs > rep.endMs) continue;
    if ((v.metrics.progress ?? -Infinity) > (deepest?.metrics.progress ?? -Infinity)) deepest = v;
  }
  return deepest?.metrics.thighAboveParallelDeg;
}

/** "12° (8-19)": the median and range of some angles. */
export function angleSpread(values: readonly number[]): string {
  if (values.length === 0) return "—";
  const mid = median(values) ?? 0;
  return `${mid.toFixed(0)}° (${Math.min(...values).toFixed(0)} to ${Math.max(...values).toFixed(0)})`;
}

/** One labelling pass of the acted lifter's squat, as the engine judged it. */
export interface DepthPass {
  block: number;
  fault: string;
  view: string;
  /** Counted reps (partial ones are not judged for depth). */
  reps: readonly RepResult[];
  verdicts: readonly FrameVerdict[];
}

/** Passes from this block on were kept out of choosing the rule (as for the knee screens). */
const HELD_OUT_FROM_BLOCK = 9;

/**
 * The acted lifter's squats, who squats to about parallel in every pass: how many counted reps of
 * the correct passes each rule tells to sit deeper, on the passes the rule was chosen on and on the
 * held-out ones; per pass, the thighs' angle at each rep's deepest point.
 */
export function passDepth(passes: readonly DepthPass[]): { figures: Figure[]; details: string[] } {
  const correct = passes.filter((p) => p.fault === "correct");
  const calls = (list: readonly DepthPass[]) => list.flatMap((p) => p.reps.map(repDepthCalls));
  const named = (list: readonly DepthPass[]) => list.map((p) => p.block).join(", ");
  const tuning = correct.filter((p) => p.block < HELD_OUT_FROM_BLOCK);
  const heldOut = correct.filter((p) => p.block >= HELD_OUT_FROM_BLOCK);
  const figures = [
    ...depthFigures(`squat correct passes ${named(tuning)}, reps`, calls(tuning)),
    ...depthFigures(`squat correct passes ${named(heldOut)} (held out), reps`, calls(heldOut)),
  ];
  const details = passes.map((p) => {
    const c = p.reps.map(repDepthCalls);
    const thighs = p.reps.flatMap((r) => deepestThighDeg(r, p.verdicts) ?? []);
    return (
      `pass ${p.block} ${p.fault} (${p.view}): ${p.reps.length} counted reps, sit deeper before ${c.filter((x) => x.before).length}, ` +
      `now ${c.filter((x) => x.now).length}; thighs above parallel at the deepest ${angleSpread(thighs)}`
    );
  });
  return { figures, details: ["squat depth per pass (the rule before: knee range < 0.82):", ...details] };
}

/** A video's bottom key poses as the rules read them; `odd` for the half the rule was chosen on. */
export interface VideoBottoms {
  odd: boolean;
  calls: DepthCalls[];
  /** Bottoms without a reading (the video starts there, before anyone was seen standing). */
  unread: number;
}

/**
 * Bottoms of real people's squats (many people, views and cameras): the share each rule calls
 * shallow, per bottom and per video (any bottom called), on odd-numbered videos (where the rule
 * was chosen) and even ones.
 */
export function bottomsDepth(videos: readonly VideoBottoms[]): Figure[] {
  const figures: Figure[] = [];
  for (const [half, odd] of [
    ["odd videos", true],
    ["even videos (held out)", false],
  ] as const) {
    const list = videos.filter((v) => v.odd === odd);
    const calls = list.flatMap((v) => v.calls);
    const unread = list.reduce((n, v) => n + v.unread, 0);
    figures.push(...depthFigures(`squat bottoms, ${half}`, calls, unread ? `${unread} unread` : undefined));
    const any = (key: keyof DepthCalls) => list.filter((v) => v.calls.some((c) => c[key])).length;
    const n = list.filter((v) => v.calls.length).length;
    figures.push(
      {
        name: `squat videos, ${half}: any bottom shallow, before`,
        value: rate(any("before"), n),
        unit: "rate",
        note: `${n}`,
      },
      { name: `squat videos, ${half}: any bottom shallow, now`, value: rate(any("now"), n), unit: "rate" },
    );
  }
  return figures;
}
