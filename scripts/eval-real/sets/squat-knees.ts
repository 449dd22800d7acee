import { LM, type Landmark } from "../../../shared/pose/index.ts";
import { median } from "../../bench/stats.ts";
import { precisionRecall, type Figure } from "../result.ts";

/** One labelling pass of the squat, as the knee-valgus screens read it. */
export interface SquatPass {
  block: number;
  fault: string;
  /** The view the engine saw for most of the pass. */
  view: string;
  /** Whether the engine held knee_valgus against the pass. */
  engineSaid: boolean;
  /** Key frames with the data's own phase label: `down` = the bottom, `up` = standing. */
  frames: { phase: string; landmarks: Landmark[] }[];
}

/** The screens people use from the front, each with the limit its source gives. */
interface Screen {
  /** Short, for the figures' names. */
  short: string;
  name: string;
  source: string;
  /** The pass's reading; undefined when its frames do not show it. */
  read: (pass: SquatPass) => number | undefined;
  /** The knees cave when the reading is past the limit in this direction. */
  caving: "below" | "above";
  limit: number;
}

const WIDTH_PX = 720;
const HEIGHT_PX = 1280;
const px = (p: Landmark) => ({ x: p.x * WIDTH_PX, y: p.y * HEIGHT_PX });
const across = (lm: Landmark[], left: number, right: number) => Math.abs(px(lm[left]!).x - px(lm[right]!).x);

/** Knee separation over ankle separation (KASR): below 1 the knees are inside the feet. */
export const kneeAnkleRatio = (lm: Landmark[]) =>
  across(lm, LM.leftKnee, LM.rightKnee) / across(lm, LM.leftAnkle, LM.rightAnkle);
/** Knee separation over hip separation (Noyes' normalised knee separation distance). */
const kneeHipRatio = (lm: Landmark[]) =>
  across(lm, LM.leftKnee, LM.rightKnee) / across(lm, LM.leftHip, LM.rightHip);

/**
 * Frontal-plane projection angle of one leg in the image, degrees: 180 minus the hip-knee-ankle
 * angle, + when the knee lies inside the hip-ankle line (valgus), − outside (varus).
 */
function projectionAngleDeg(lm: Landmark[], side: "left" | "right"): number {
  const [h, k, a] = (
    side === "left" ? [LM.leftHip, LM.leftKnee, LM.leftAnkle] : [LM.rightHip, LM.rightKnee, LM.rightAnkle]
  ).map((i) => px(lm[i]!)) as [{ x: number; y: number }, { x: number; y: number }, { x: number; y: number }];
  const thigh = { x: k.x - h.x, y: k.y - h.y };
  const shank = { x: a.x - k.x, y: a.y - k.y };
  const turn = Math.atan2(thigh.x * shank.y - thigh.y * shank.x, thigh.x * shank.x + thigh.y * shank.y);
  // Facing the camera the person's left leg is on the image's right: a knee inside its hip-ankle
  // line turns the thigh-to-shank direction the negative way there (y down), the right leg's the
  // other way.
  return ((side === "left" ? -turn : turn) * 180) / Math.PI;
}
const meanProjectionDeg = (lm: Landmark[]) =>
  (projectionAngleDeg(lm, "left") + projectionAngleDeg(lm, "right")) / 2;

/** Height of the hips above the ankles in leg lengths (hip to knee to ankle): about 1 standing. */
function hipHeightRatio(lm: Landmark[]): number {
  const sides = [
    [LM.leftHip, LM.leftKnee, LM.leftAnkle],
    [LM.rightHip, LM.rightKnee, LM.rightAnkle],
  ].map((chain) => chain.map((i) => px(lm[i]!)));
  const length = (c: { x: number; y: number }[]) =>
    Math.hypot(c[1]!.x - c[0]!.x, c[1]!.y - c[0]!.y) + Math.hypot(c[2]!.x - c[1]!.x, c[2]!.y - c[1]!.y);
  const legs = (length(sides[0]!) + length(sides[1]!)) / 2;
  const drop = sides.reduce((sum, c) => sum + c[2]!.y - c[0]!.y, 0) / 2;
  return drop / legs;
}

function atPhase(pass: SquatPass, phase: string, read: (lm: Landmark[]) => number): number | undefined {
  const values = pass.frames.filter((f) => f.phase === phase).map((f) => read(f.landmarks));
  return median(values.filter(Number.isFinite)) ?? undefined;
}

const SCREENS: readonly Screen[] = [
  {
    short: "KASR < 0.8",
    name: "knee/ankle separation at the bottom (KASR) < 0.8",
    source:
      "KASR (Mizner et al. 2012, drop vertical jump): below 1 the knees are inside the feet; 0.8 leaves room for noise",
    read: (p) => atPhase(p, "down", kneeAnkleRatio),
    caving: "below",
    limit: 0.8,
  },
  {
    short: "knee/hip < 0.6",
    name: "knee/hip separation at the bottom < 0.6",
    source:
      "Noyes et al. 2005 drop-jump screen: untrained athletes' valgus landings 51 %, trained 68 % of the hips' distance; " +
      "MediaPipe's hips are joint centres, narrower than the trochanters there, so this reads high",
    read: (p) => atPhase(p, "down", kneeHipRatio),
    caving: "below",
    limit: 0.6,
  },
  {
    short: "FPPA change > 13°",
    name: "projection angle, standing to bottom (dynamic valgus) > 13°",
    source: "Herrington and Munro 2010: 2D knee valgus on a drop-jump landing is 3-13° in healthy adults",
    read: (p) => {
      const bottom = atPhase(p, "down", meanProjectionDeg);
      const standing = atPhase(p, "up", meanProjectionDeg);
      return bottom !== undefined && standing !== undefined ? bottom - standing : undefined;
    },
    caving: "above",
    limit: 13,
  },
];

/** Passes the rule is chosen on (the first half of the labelling passes); the rest are held out. */
export const isTuningPass = (block: number, blocks: number) => block < Math.ceil(blocks / 2);

/**
 * The front-view knee-valgus screens a coach or the literature states, on the squat passes seen
 * from the front or at an angle (a side view shows no knee caving: the engine abstains there):
 * per pass its readings, and per screen precision and recall on the held-out passes beside the
 * engine's own rule.
 */
export function screenSquatKnees(passes: readonly SquatPass[]): { figures: Figure[]; details: string[] } {
  const facing = passes.filter((p) => p.view !== "side");
  const heldOut = facing.filter((p) => !isTuningPass(p.block, passes.length));
  const details = [
    `squat knees: ${facing.length} of ${passes.length} passes seen from the front or at an angle ` +
      `(side-on: ${passes
        .filter((p) => p.view === "side")
        .map((p) => `${p.block} ${p.fault}`)
        .join(", ")}); held out: passes ${heldOut.map((p) => p.block).join(", ")}`,
  ];
  for (const p of facing) {
    const readings = SCREENS.map((s) => s.read(p)?.toFixed(2) ?? "—").join(" / ");
    details.push(
      `  pass ${p.block} ${p.fault} (${p.view}${isTuningPass(p.block, passes.length) ? ", tuning" : ""}): ` +
        `KASR / knee-hip / dynamic FPPA° ${readings}; hips at the bottom ` +
        `${atPhase(p, "down", hipHeightRatio)?.toFixed(2) ?? "—"} leg lengths up; engine ${p.engineSaid ? "knees out" : "nothing"}`,
    );
  }
  const figures: Figure[] = [];
  const tally = (said: (p: SquatPass) => boolean, name: string) => {
    const caved = (p: SquatPass) => p.fault === "caved_in_knees";
    const tp = heldOut.filter((p) => caved(p) && said(p)).length;
    const fp = heldOut.filter((p) => !caved(p) && said(p)).length;
    const fn = heldOut.filter((p) => caved(p) && !said(p)).length;
    const { precision, recall } = precisionRecall(tp, fp, fn);
    figures.push({ name: `squat caved knees, held out, ${name}: precision`, value: precision, unit: "rate" });
    figures.push({ name: `squat caved knees, held out, ${name}: recall`, value: recall, unit: "rate" });
  };
  tally((p) => p.engineSaid, "engine");
  for (const s of SCREENS) {
    tally((p) => {
      const value = s.read(p);
      return value !== undefined && (s.caving === "below" ? value < s.limit : value > s.limit);
    }, s.short);
    details.push(`  ${s.name}: ${s.source}`);
  }
  return { figures, details };
}
