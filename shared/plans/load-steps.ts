import type { PlanProfile } from "./types";
import type { PlanSlot } from "../schemas/plan";

/** Kilograms in one pound (exact by definition). */
export const KG_PER_LB = 0.45359237;

type LoadKind = PlanSlot["load"];
type Rounding = "nearest" | "down" | "up";

/** Standard bars and plates per unit system, in that unit. */
const STANDARD = {
  kg: { bar: 20, plates: [25, 20, 15, 10, 5, 2.5, 1.25] },
  lb: { bar: 45, plates: [45, 35, 25, 10, 5, 2.5] },
} as const;

/** Fixed steps for loads that are not built from plates, in the person's unit. */
const FIXED_STEP = { dumbbell: { kg: 2, lb: 5 }, machine: { kg: 5, lb: 10 } } as const;

/** Heaviest load the planner prescribes per side of a bar, in the person's unit. */
const MAX_PER_SIDE = 400;

const unitKg = (profile: PlanProfile) => (profile.units === "kg" ? 1 : KG_PER_LB);
/** Work in hundredths of the person's unit so plate sums are exact integers. */
const toHundredths = (kg: number, profile: PlanProfile) => Math.round((kg / unitKg(profile)) * 100);
const fromHundredths = (h: number, profile: PlanProfile) => (h / 100) * unitKg(profile);

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

interface PlateTable {
  barH: number;
  stepH: number;
  /** reachable[i]: a side of i × stepH can be built from the plates. */
  reachable: boolean[];
}
const tables = new Map<string, PlateTable>();

const tablesByProfile = new WeakMap<PlanProfile, PlateTable>();

function plateTable(profile: PlanProfile): PlateTable {
  const known = tablesByProfile.get(profile);
  if (known) return known;
  const table = buildPlateTable(profile);
  tablesByProfile.set(profile, table);
  return table;
}

function buildPlateTable(profile: PlanProfile): PlateTable {
  const standard = STANDARD[profile.units];
  const barH = profile.barKg === undefined ? standard.bar * 100 : toHundredths(profile.barKg, profile);
  const platesH = (
    profile.platesKg?.map((kg) => toHundredths(kg, profile)) ?? standard.plates.map((p) => p * 100)
  ).filter((h) => h > 0);
  const key = `${barH}|${platesH.join(",")}`;
  const cached = tables.get(key);
  if (cached) return cached;
  const stepH = platesH.reduce(gcd, 0) || 1;
  const size = Math.floor((MAX_PER_SIDE * 100) / stepH) + 1;
  const reachable = new Array<boolean>(size).fill(false);
  reachable[0] = true;
  // Unbounded subset sums: the person may own several pairs of each plate.
  for (const plate of platesH.map((h) => h / stepH)) {
    for (let i = plate; i < size; i++) if (reachable[i - plate]) reachable[i] = true;
  }
  const table = { barH, stepH, reachable };
  tables.set(key, table);
  return table;
}

function roundBarbell(kg: number, profile: PlanProfile, mode: Rounding): number {
  const { barH, stepH, reachable } = plateTable(profile);
  const sideSteps = (toHundredths(kg, profile) - barH) / 2 / stepH;
  if (sideSteps <= 0) return fromHundredths(barH, profile);
  const below = (from: number) => {
    for (let i = Math.min(Math.floor(from), reachable.length - 1); i >= 0; i--) if (reachable[i]) return i;
    return 0;
  };
  const above = (from: number) => {
    for (let i = Math.ceil(from); i < reachable.length; i++) if (reachable[i]) return i;
    return below(from);
  };
  const down = below(sideSteps);
  const up = above(sideSteps);
  const side = mode === "down" ? down : mode === "up" ? up : sideSteps - down <= up - sideSteps ? down : up;
  return fromHundredths(barH + 2 * side * stepH, profile);
}

/**
 * `kg` rounded to a load the person can set up: bar plus pairs of their plates, a dumbbell or machine
 * step in their unit, or null for bodyweight lifts.
 */
export function roundLoadKg(
  kg: number,
  kind: LoadKind,
  profile: PlanProfile,
  mode: Rounding = "nearest",
): number | null {
  if (kind === "bodyweight") return null;
  if (kind === "barbell") return roundBarbell(kg, profile, mode);
  const stepH = FIXED_STEP[kind][profile.units] * 100;
  const steps = toHundredths(kg, profile) / stepH;
  const rounded = mode === "down" ? Math.floor(steps) : mode === "up" ? Math.ceil(steps) : Math.round(steps);
  return fromHundredths(Math.max(0, rounded) * stepH, profile);
}

/** True when `kg` is exactly a load the person can set up (to a hundredth of their unit). */
export function isReachableKg(kg: number, kind: LoadKind, profile: PlanProfile): boolean {
  const rounded = roundLoadKg(kg, kind, profile);
  return rounded !== null && toHundredths(rounded, profile) === toHundredths(kg, profile);
}

/**
 * The load after adding `incrementKg` to `currentKg`: the nearest reachable load, but never the same
 * load again, so a step smaller than the smallest plate pair still moves up by one real step.
 */
export function stepUpKg(
  currentKg: number,
  incrementKg: number,
  kind: LoadKind,
  profile: PlanProfile,
): number | null {
  const nearest = roundLoadKg(currentKg + incrementKg, kind, profile);
  if (nearest === null) return null;
  if (toHundredths(nearest, profile) > toHundredths(currentKg, profile)) return nearest;
  return roundLoadKg(fromHundredths(toHundredths(currentKg, profile) + 1, profile), kind, profile, "up");
}
