import { KG_PER_LB } from "../plans/load-steps";
import type { FileWeightUnit, ImportedSetKind } from "./types";

/** Metres in one mile (international). */
const M_PER_MILE = 1609.344;

/** A number cell: blank is null; a decimal comma ("62,5", from a semicolon file) is read too. */
export function numberCell(text: string | undefined): number | null {
  const t = (text ?? "").trim();
  if (t === "") return null;
  const normal = /^-?\d+,\d+$/.test(t) ? t.replace(",", ".") : t;
  const value = Number(normal);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** A weight in the file's unit as kg, stored to the gram so lb values show back exactly. */
export function toKg(value: number, unit: FileWeightUnit): number {
  return Math.round((unit === "kg" ? value : value * KG_PER_LB) * 1000) / 1000;
}

/** A kg value in `unit`, to 0.01 (what a CSV cell carries). */
export function fromKg(weightKg: number, unit: FileWeightUnit): number {
  return Math.round((unit === "kg" ? weightKg : weightKg / KG_PER_LB) * 100) / 100;
}

/** A distance in the file's unit as metres. */
export function toMetres(value: number, unit: "km" | "mi" | "m"): number {
  const factor = unit === "km" ? 1000 : unit === "mi" ? M_PER_MILE : 1;
  return Math.round(value * factor * 10) / 10;
}

/** A weight unit as files spell it ("kg", "kgs", "lbs", "lb"). */
export function weightUnitCell(text: string | undefined, fallback: FileWeightUnit): FileWeightUnit {
  const t = (text ?? "").trim().toLowerCase();
  if (t.startsWith("lb") || t === "pounds") return "lb";
  if (t.startsWith("kg")) return "kg";
  return fallback;
}

/** A distance unit as files spell it. */
export function distanceUnitCell(text: string | undefined, fallback: "km" | "mi"): "km" | "mi" | "m" {
  const t = (text ?? "").trim().toLowerCase();
  if (t.startsWith("mi")) return "mi";
  if (t === "m" || t.startsWith("met")) return "m";
  if (t.startsWith("km")) return "km";
  return fallback;
}

/**
 * A workout length as Strong writes it ("1h 5m", "45m", "30s") or plain seconds, in ms; null when
 * blank or unreadable.
 */
export function durationMs(text: string | undefined): number | null {
  const t = (text ?? "").trim().toLowerCase();
  if (t === "") return null;
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const m = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?$/.exec(t);
  if (!m || (m[1] ?? m[2] ?? m[3]) === undefined) return null;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}

/** RPE on Spotter's scale (1..10 in half steps), or null when blank or off the scale. */
export function rpeCell(value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || value < 1 || value > 10) return null;
  return Math.round(value * 2) / 2;
}

/** Reps as a whole number in range; fractional "5.0" (Strong) reads as 5. */
export function repsCell(value: number | null): number | null {
  if (value === null) return 0;
  if (!Number.isFinite(value) || value < 0) return null;
  return Math.min(1000, Math.round(value));
}

/** Hevy's set types. */
export function hevySetKind(text: string | undefined): ImportedSetKind {
  const t = (text ?? "").trim().toLowerCase();
  if (t === "warmup" || t === "warm_up" || t === "warm-up") return "warmup";
  if (t === "dropset" || t === "drop_set") return "dropset";
  if (t === "failure") return "failure";
  return "normal";
}

/** Strong's Set Order: a number, or W (warm-up), D (drop set), F (failure). */
export function strongSetKind(text: string | undefined): ImportedSetKind {
  const t = (text ?? "").trim().toUpperCase();
  if (t === "W") return "warmup";
  if (t === "D") return "dropset";
  if (t === "F") return "failure";
  return "normal";
}
