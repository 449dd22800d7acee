/** Pounds in one kilogram (exact by the international definition of the pound). */
const LB_PER_KG = 1 / 0.45359237;

export type WeightUnit = "kg" | "lb";

/** A stored kg value as the person's unit, rounded for display (0.1). */
export function displayWeight(weightKg: number | null, unit: WeightUnit): string {
  if (weightKg === null) return "–";
  const value = unit === "kg" ? weightKg : weightKg * LB_PER_KG;
  return `${Math.round(value * 10) / 10} ${unit}`;
}

/** The number to prefill an input with, in the person's unit. */
export function weightInputValue(weightKg: number | null, unit: WeightUnit): string {
  if (weightKg === null) return "";
  const value = unit === "kg" ? weightKg : weightKg * LB_PER_KG;
  return String(Math.round(value * 10) / 10);
}

/** What the person typed, in their unit, as kg for storage (null when blank). */
export function toKg(input: string, unit: WeightUnit): number | null {
  if (input.trim() === "") return null;
  const value = Number(input);
  if (!Number.isFinite(value)) return Number.NaN;
  // Stored to the gram: lb entries round-trip to the same 0.1 lb on display.
  return Math.round((unit === "kg" ? value : value / LB_PER_KG) * 1000) / 1000;
}
