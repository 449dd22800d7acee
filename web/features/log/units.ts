import { formatNumber, formatWeight } from "../../i18n/format";

/** Pounds in one kilogram (exact by the international definition of the pound). */
const LB_PER_KG = 1 / 0.45359237;

export type WeightUnit = "kg" | "lb";

/** A stored kg value as the person's unit, rounded for display (0.1), in the language on screen. */
export function displayWeight(weightKg: number | null, unit: WeightUnit): string {
  if (weightKg === null) return "–";
  return formatWeight(weightKg, unit, 1);
}

/** The number to prefill an input with, in the person's unit (the language's decimal mark). */
export function weightInputValue(weightKg: number | null, unit: WeightUnit): string {
  if (weightKg === null) return "";
  const value = unit === "kg" ? weightKg : weightKg * LB_PER_KG;
  // No grouping: "1.000" would read back as one in English.
  return formatNumber(Math.round(value * 10) / 10, { maximumFractionDigits: 1, useGrouping: false });
}

/** What the person typed, in their unit, as kg for storage (null when blank). "82,5" is 82.5. */
export function toKg(input: string, unit: WeightUnit): number | null {
  if (input.trim() === "") return null;
  // A decimal comma (German and most of Europe) is as good as a point; there is no grouping in a load.
  const value = Number(input.trim().replace(",", "."));
  if (!Number.isFinite(value)) return Number.NaN;
  // Stored to the gram: lb entries round-trip to the same 0.1 lb on display.
  return Math.round((unit === "kg" ? value : value / LB_PER_KG) * 1000) / 1000;
}
