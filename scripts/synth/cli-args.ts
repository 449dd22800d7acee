import { parseArgs } from "node:util";
import { parseFaultSpec, SynthParamsError, type SynthParamsInput } from "./params.ts";
import type { Exercise, View } from "./types.ts";

export const USAGE = `Usage: npm run synth -- [options]
  --exercise squat|push_up|lunge|bicep_curl|plank   (default squat)
  --reps N            --tempo SECONDS_PER_REP   --depth 0..1.3 (1 = full range)
  --faults REP:FAULT[+FAULT][,REP:FAULT...]   e.g. 2:knee_valgus,3:forward_lean
  --view front|side|45    --distance METRES (0 = auto)   --camera-height METRES
  --sex male|female   --height METRES   --background CSS_COLOUR
  --size WIDTHxHEIGHT (default 640x480)   --fps N (default 30)
  --lead-in S  --lead-out S  --jitter 0..0.5  --seed N
  --out DIR           copy the clip's files there (otherwise print the cache directory)
  --force             render even if cached`;

const OPTIONS = {
  exercise: { type: "string" },
  reps: { type: "string" },
  tempo: { type: "string" },
  depth: { type: "string" },
  faults: { type: "string" },
  view: { type: "string" },
  distance: { type: "string" },
  "camera-height": { type: "string" },
  sex: { type: "string" },
  height: { type: "string" },
  background: { type: "string" },
  size: { type: "string" },
  fps: { type: "string" },
  "lead-in": { type: "string" },
  "lead-out": { type: "string" },
  jitter: { type: "string" },
  seed: { type: "string" },
  out: { type: "string" },
  force: { type: "boolean" },
  help: { type: "boolean" },
  rate: { type: "string" },
  model: { type: "string" },
} as const;

function num(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new SynthParamsError(`--${name} must be a number, got "${value}"`);
  return parsed;
}

export interface CliOptions {
  params: SynthParamsInput;
  out?: string;
  force: boolean;
  help: boolean;
  /** check-with-mediapipe only: playback rate while detecting, and which model bundle. */
  rate?: number;
  model?: string;
}

/** Turns command-line arguments into generator params; validation happens in normalizeParams. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true });
  const [width, height] = values.size ? values.size.split("x").map(Number) : [];
  const figure: NonNullable<SynthParamsInput["figure"]> = {};
  if (values.sex) figure.sex = values.sex === "female" ? "female" : "male";
  if (values.height) figure.heightM = num(values.height, "height");
  const entries: [string, unknown][] = [
    ["exercise", values.exercise as Exercise | undefined],
    ["reps", num(values.reps, "reps")],
    ["tempoS", num(values.tempo, "tempo")],
    ["depth", num(values.depth, "depth")],
    ["faults", values.faults ? parseFaultSpec(values.faults) : undefined],
    ["view", values.view as View | undefined],
    ["distanceM", num(values.distance, "distance")],
    ["cameraHeightM", num(values["camera-height"], "camera-height")],
    ["background", values.background],
    ["width", width],
    ["height", height],
    ["fps", num(values.fps, "fps")],
    ["leadInS", num(values["lead-in"], "lead-in")],
    ["leadOutS", num(values["lead-out"], "lead-out")],
    ["jitter", num(values.jitter, "jitter")],
    ["seed", num(values.seed, "seed")],
  ];
  const params: SynthParamsInput = Object.fromEntries(entries.filter(([, v]) => v !== undefined));
  if (Object.keys(figure).length) params.figure = figure;
  return {
    params,
    out: values.out,
    force: values.force ?? false,
    help: values.help ?? false,
    rate: num(values.rate, "rate"),
    model: values.model,
  };
}
