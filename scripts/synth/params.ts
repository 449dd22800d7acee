import { createHash } from "node:crypto";
import { EXERCISES, FAULTS_BY_EXERCISE, type Exercise, type Fault, type SynthParams } from "./types.ts";

/** Bump when output for the same params changes, so cached clips are regenerated. */
export const GENERATOR_VERSION = 10;

export class SynthParamsError extends Error {
  readonly code = "SYNTH_PARAMS";
}

export const DEFAULT_PARAMS: SynthParams = {
  exercise: "squat",
  reps: 3,
  tempoS: 2.5,
  depth: 1,
  faults: {},
  view: "side",
  distanceM: 0,
  cameraHeightM: 0,
  figure: {
    sex: "male",
    heightM: 1.78,
    colors: {
      skin: "#c9946f",
      shirt: "#2f5fa8",
      shorts: "#2a2a30",
      legs: "#c9946f",
      shoes: "#f2f2f2",
      hair: "#3b2a1e",
    },
  },
  background: "#d8d4cc",
  width: 640,
  height: 480,
  fps: 30,
  leadInS: 1,
  leadOutS: 1,
  jitter: 0,
  seed: 1,
  jpegQuality: 0.9,
};

/** Input accepted by `normalizeParams`: any subset, with a partial figure. */
export type SynthParamsInput = Partial<Omit<SynthParams, "figure">> & {
  figure?: Partial<Omit<SynthParams["figure"], "colors">> & {
    colors?: Partial<SynthParams["figure"]["colors"]>;
  };
};

function isExercise(value: string): value is Exercise {
  return (EXERCISES as readonly string[]).includes(value);
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new SynthParamsError(message);
}

function checkFaults(exercise: Exercise, reps: number, faults: Record<number, Fault[]>): void {
  const allowed: readonly string[] = FAULTS_BY_EXERCISE[exercise];
  for (const [rep, list] of Object.entries(faults)) {
    const repNumber = Number(rep);
    check(
      Number.isInteger(repNumber) && repNumber >= 1 && repNumber <= reps,
      `fault rep ${rep} is not in 1..${reps}`,
    );
    for (const fault of list) check(allowed.includes(fault), `${exercise} has no fault "${fault}"`);
  }
}

/** Fills defaults and rejects values the renderer cannot honour. */
export function normalizeParams(input: SynthParamsInput = {}): SynthParams {
  const params: SynthParams = {
    ...DEFAULT_PARAMS,
    ...input,
    figure: {
      ...DEFAULT_PARAMS.figure,
      ...input.figure,
      colors: { ...DEFAULT_PARAMS.figure.colors, ...input.figure?.colors },
    },
    faults: input.faults ?? {},
  };
  check(isExercise(params.exercise), `unknown exercise "${params.exercise}"`);
  check(
    Number.isInteger(params.reps) && params.reps >= 0 && params.reps <= 100,
    "reps must be an integer 0..100",
  );
  check(params.tempoS >= 0.5 && params.tempoS <= 20, "tempoS must be 0.5..20");
  check(params.depth > 0 && params.depth <= 1.3, "depth must be in (0, 1.3]");
  check(["front", "side", "45"].includes(params.view), `unknown view "${params.view}"`);
  check(params.distanceM >= 0 && params.distanceM <= 20, "distanceM must be 0..20");
  check(params.figure.heightM >= 1 && params.figure.heightM <= 2.2, "figure height must be 1..2.2 m");
  check(
    Number.isInteger(params.width) && params.width >= 64 && params.width % 2 === 0,
    "width must be even, >= 64",
  );
  check(
    Number.isInteger(params.height) && params.height >= 64 && params.height % 2 === 0,
    "height must be even, >= 64",
  );
  check(params.fps >= 1 && params.fps <= 120, "fps must be 1..120");
  check(params.jitter >= 0 && params.jitter < 0.5, "jitter must be in [0, 0.5)");
  check(params.jpegQuality > 0 && params.jpegQuality <= 1, "jpegQuality must be in (0, 1]");
  checkFaults(params.exercise, params.reps, params.faults);
  return params;
}

/** Parses a CLI fault list such as `2:knee_valgus,3:forward_lean+shallow_depth`. */
export function parseFaultSpec(spec: string): Record<number, Fault[]> {
  const faults: Record<number, Fault[]> = {};
  for (const item of spec.split(",").filter((s) => s.trim() !== "")) {
    const [rep, names] = item.split(":");
    const repNumber = Number(rep);
    if (!names || !Number.isInteger(repNumber)) throw new SynthParamsError(`bad fault item "${item}"`);
    faults[repNumber] = [...(faults[repNumber] ?? []), ...(names.split("+") as Fault[])];
  }
  return faults;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Stable across key order: equal params always give the same cache directory. */
export function paramsHash(params: SynthParams): string {
  const text = JSON.stringify(canonical({ params, generatorVersion: GENERATOR_VERSION }));
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
