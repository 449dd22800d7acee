import { useSyncExternalStore } from "react";
import type uPlot from "uplot";

/** A uPlot chart's colours, read from the theme's CSS custom properties (`--chart-*` in styles.css). */
export interface ChartTheme {
  /** Axis labels and tick marks. */
  axis: string;
  grid: string;
  /** Line colours in order of use: a chart's first series takes the first. */
  series: readonly [string, string, string, string];
  /** The first series' colour, translucent, to fill under it. */
  fill: string;
  /** A threshold or alert line. */
  limit: string;
}

// The light theme's values, for a page whose stylesheet has not loaded (and for tests without one).
const FALLBACK: ChartTheme = {
  axis: "#475569",
  grid: "#cbd5e1",
  series: ["#0369a1", "#7c3aed", "#15803d", "#b45309"],
  fill: "rgb(3 105 161 / 0.12)",
  limit: "#b91c1c",
};

/** Reads the chart colours the page's theme sets now. */
export function readChartTheme(root: Element = document.documentElement): ChartTheme {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    axis: read("--chart-axis", FALLBACK.axis),
    grid: read("--chart-grid", FALLBACK.grid),
    series: [
      read("--chart-1", FALLBACK.series[0]),
      read("--chart-2", FALLBACK.series[1]),
      read("--chart-3", FALLBACK.series[2]),
      read("--chart-4", FALLBACK.series[3]),
    ],
    fill: read("--chart-1-fill", FALLBACK.fill),
    limit: read("--chart-limit", FALLBACK.limit),
  };
}

/** An axis in the theme's colours; `options` adds to it (scale, side, size) or overrides it. */
export function themedAxis(theme: ChartTheme, options: uPlot.Axis = {}): uPlot.Axis {
  return {
    stroke: theme.axis,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
    ...options,
  };
}

const DARK = "(prefers-color-scheme: dark)";
let cached: { dark: boolean; theme: ChartTheme } | null = null;

function subscribe(onChange: () => void): () => void {
  const query = typeof window.matchMedia === "function" ? window.matchMedia(DARK) : null;
  query?.addEventListener("change", onChange);
  return () => query?.removeEventListener("change", onChange);
}

function snapshot(): ChartTheme {
  const dark = typeof window.matchMedia === "function" && window.matchMedia(DARK).matches;
  // Read again only when the system theme flips: the same object otherwise, so charts are not redrawn.
  if (cached?.dark !== dark) cached = { dark, theme: readChartTheme() };
  return cached.theme;
}

/**
 * The chart colours of the current theme, changing when the system switches between light and dark.
 * A chart lists the result in its effect's dependencies, so it is drawn again in the new colours.
 */
export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, snapshot, () => FALLBACK);
}
