import { act } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mountEachTest } from "../testing/test-root";
import { readChartTheme, themedAxis, useChartTheme, type ChartTheme } from "./chart-theme";

const view = mountEachTest();

// The two themes as styles.css declares them, cut down to what charts read.
const THEME_CSS = `
:root { --chart-axis: #475569; --chart-grid: #cbd5e1; --chart-1: #0369a1; --chart-limit: #b91c1c; }
@media (prefers-color-scheme: dark) {
  :root { --chart-axis: #94a3b8; --chart-grid: #334155; --chart-1: #38bdf8; --chart-limit: #f87171; }
}`;

type HappyWindow = Window & { happyDOM: { settings: { device: { prefersColorScheme: string } } } };
const device = () => (window as unknown as HappyWindow).happyDOM.settings.device;

let style: HTMLStyleElement | undefined;

/** Switches the emulated system theme; happy-dom tells media queries on a resize. */
function systemTheme(scheme: "light" | "dark") {
  device().prefersColorScheme = scheme;
  // happy-dom keeps computed styles until the DOM changes (a browser recomputes them itself).
  if (style) style.textContent = THEME_CSS;
  window.dispatchEvent(new Event("resize"));
}

beforeEach(() => {
  systemTheme("light");
  style = document.createElement("style");
  style.textContent = THEME_CSS;
  document.head.append(style);
});
afterEach(() => {
  style?.remove();
  style = undefined;
  systemTheme("light");
});

describe("chart theme", () => {
  it("reads the colours of the theme the system shows", () => {
    expect(readChartTheme()).toMatchObject({ axis: "#475569", grid: "#cbd5e1", limit: "#b91c1c" });
    expect(readChartTheme().series[0]).toBe("#0369a1");
    systemTheme("dark");
    expect(readChartTheme()).toMatchObject({ axis: "#94a3b8", grid: "#334155", limit: "#f87171" });
    expect(readChartTheme().series[0]).toBe("#38bdf8");
  });

  it("falls back to readable light colours where the stylesheet sets none", () => {
    style?.remove();
    const theme = readChartTheme();
    expect(theme.series.every((c) => c.startsWith("#"))).toBe(true);
    expect(theme.axis).not.toBe("");
  });

  it("gives a chart new colours when the system theme changes, and the same object while it does not", () => {
    const seen: ChartTheme[] = [];
    function Probe() {
      const theme = useChartTheme();
      seen.push(theme);
      return <span data-axis={theme.axis} />;
    }
    act(() => view.root.render(<Probe />));
    const axis = () => view.host.querySelector("span")!.dataset.axis;
    expect(axis()).toBe("#475569");

    act(() => systemTheme("dark"));
    expect(axis()).toBe("#94a3b8");
    act(() => view.root.render(<Probe />));
    // A re-render without a theme change keeps the object, so a chart's effect does not redraw.
    expect(seen.at(-1)).toBe(seen.at(-2));

    act(() => systemTheme("light"));
    expect(axis()).toBe("#475569");
  });

  it("themes an axis's labels, grid and ticks, keeping the axis's own options", () => {
    const theme = readChartTheme();
    const axis = themedAxis(theme, { scale: "kg", side: 1, grid: { show: false } });
    expect(axis).toMatchObject({ stroke: "#475569", scale: "kg", side: 1, grid: { show: false } });
    expect(axis.ticks).toMatchObject({ stroke: "#cbd5e1" });
  });
});
