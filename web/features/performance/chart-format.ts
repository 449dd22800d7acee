// Figures on the Diagnostics page in the language on screen: fewer decimals the larger the value.
import { i18n } from "../../i18n";
import { formatNumber, formatPercent, formatUnit } from "../../i18n/format";

/** What a chart's values are: the unit decides how a value is written. */
export type ChartUnit = "ms" | "MB" | "fps" | "perSecond" | "requestsPerSecond" | "percent" | "none";

/** 0 decimals from 100 on, 1 from 10, else 2 (1234 ms, 45.6 ms, 0.12). */
export function digitsFor(value: number): number {
  const size = Math.abs(value);
  return size >= 100 ? 0 : size >= 10 ? 1 : 2;
}

/** A chart value with its unit, e.g. "45.6 ms", "12 fps", "83 %" (a percent chart holds 0–100). */
export function formatChartValue(value: number, unit: ChartUnit): string {
  const digits = digitsFor(value);
  const plain = formatNumber(value, { maximumFractionDigits: digits });
  switch (unit) {
    case "ms":
      return formatUnit(value, "millisecond", { digits });
    case "MB":
      return formatUnit(value, "megabyte", { digits });
    case "percent":
      return formatPercent(value / 100, digits);
    case "fps":
      return i18n.t("diagnostics:units.fps", { value: plain });
    case "perSecond":
      return i18n.t("diagnostics:units.perSecond", { value: plain });
    case "requestsPerSecond":
      return i18n.t("diagnostics:units.requestsPerSecond", { value: plain });
    case "none":
      return plain;
  }
}
