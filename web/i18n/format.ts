// Numbers, dates, durations and units in the language being shown, through Intl. Formatters are
// cached per language and options (building one costs far more than using it).
import { currentLanguage } from "./index";

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  options: object | undefined,
  make: (locale: string) => T,
): T {
  const locale = currentLanguage();
  const key = `${kind}|${locale}|${JSON.stringify(options ?? {})}`;
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make(locale);
    cache.set(key, formatter);
  }
  return formatter;
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return cached("n", options, (l) => new Intl.NumberFormat(l, options)).format(value);
}

/** A number with at most `digits` decimals (1,5 in German, 1.5 in English). */
export function formatDecimal(value: number, digits = 1): string {
  return formatNumber(value, { maximumFractionDigits: digits });
}

/** 0.83 → "83 %" / "83%". */
export function formatPercent(fraction: number, digits = 0): string {
  return formatNumber(fraction, { style: "percent", maximumFractionDigits: digits });
}

export type DisplayUnit =
  | "kilogram"
  | "pound"
  | "gram"
  | "second"
  | "minute"
  | "hour"
  | "degree"
  | "centimeter"
  | "kilometer"
  | "mile"
  | "millisecond"
  | "megabyte";

/** 82.5 kg, 180 lb, 45 s: a unit (Intl has no kcal: write it from the catalogue) the way the language writes it. */
export function formatUnit(
  value: number,
  unit: DisplayUnit,
  options: { digits?: number; display?: "short" | "narrow" | "long" } = {},
): string {
  const o: Intl.NumberFormatOptions = {
    style: "unit",
    unit,
    unitDisplay: options.display ?? "short",
    maximumFractionDigits: options.digits ?? 1,
  };
  return formatNumber(value, o);
}

const KG_PER_LB = 0.45359237;

/** A load stored in kg, shown in the person's units. */
export function formatWeight(kg: number, units: "kg" | "lb", digits = 1): string {
  return units === "kg"
    ? formatUnit(kg, "kilogram", { digits })
    : formatUnit(kg / KG_PER_LB, "pound", { digits });
}

type DateInput = Date | number | string;
const toDate = (d: DateInput) => (d instanceof Date ? d : new Date(d));

export function formatDate(
  date: DateInput,
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium" },
): string {
  return cached("d", options, (l) => new Intl.DateTimeFormat(l, options)).format(toDate(date));
}

export function formatTime(
  date: DateInput,
  options: Intl.DateTimeFormatOptions = { timeStyle: "short" },
): string {
  return formatDate(date, options);
}

export function formatDateTime(date: DateInput): string {
  return formatDate(date, { dateStyle: "medium", timeStyle: "short" });
}

/** "yesterday", "in 3 days", "vor 2 Tagen". */
export function formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  const options: Intl.RelativeTimeFormatOptions = { numeric: "auto" };
  return cached("r", options, (l) => new Intl.RelativeTimeFormat(l, options)).format(value, unit);
}

/** A stopwatch reading: 75 → "1:15", 3725 → "1:02:05" (digits are the same in both languages). */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** "Sunday, 3 May" and friends: a list joined the way the language joins them. */
export function formatList(
  items: readonly string[],
  type: "conjunction" | "disjunction" = "conjunction",
): string {
  return new Intl.ListFormat(currentLanguage(), { style: "long", type }).format(items);
}

/** The language's own name for a language: "Deutsch", "English". */
export function languageName(lang: string, inLanguage: string = lang): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: "language" }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}
