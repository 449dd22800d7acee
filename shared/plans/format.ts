import { KG_PER_LB } from "./load-steps";
import type { PlanProfile } from "./types";

/** A load in the person's unit, e.g. "102.5 kg" or "225 lb". */
export function formatLoad(kg: number, profile: PlanProfile): string {
  const value = profile.units === "kg" ? kg : kg / KG_PER_LB;
  return `${Math.round(value * 10) / 10} ${profile.units}`;
}

/** A signed load change, e.g. "+2.5 kg" or "−5 lb". */
export function formatChange(deltaKg: number, profile: PlanProfile): string {
  const text = formatLoad(Math.abs(deltaKg), profile);
  return deltaKg < 0 ? `−${text}` : `+${text}`;
}

/** Sets × reps, e.g. "3×5", "3×8–12", "5×3+". */
export function formatScheme(
  sets: number,
  reps: number,
  options: { repsMax?: number; amrap?: boolean } = {},
): string {
  const range =
    options.repsMax !== undefined && options.repsMax !== reps ? `${reps}–${options.repsMax}` : `${reps}`;
  return `${sets}×${range}${options.amrap ? "+" : ""}`;
}
