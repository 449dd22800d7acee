import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { themedAxis, useChartTheme } from "../../app/chart-theme";
import { formatChartValue, type ChartUnit } from "./chart-format";

export interface TimeSeries {
  /** Epoch seconds. */
  times: number[];
  values: number[];
}

interface TimeChartProps {
  /** Stable id for tests and labels, e.g. "api_ms". */
  id: string;
  title: string;
  unit: ChartUnit;
  series: TimeSeries;
  /** Drawn as a dashed line; the goal or alert threshold. */
  threshold?: number;
  height?: number;
}

const WIDTH_PX = 340;

function chartData(series: TimeSeries, threshold: number | undefined): uPlot.AlignedData {
  if (threshold === undefined) return [series.times, series.values];
  return [series.times, series.values, series.times.map(() => threshold)];
}

/** A small live line chart (uPlot draws to canvas; its only styles come from uPlot's CSS file). */
export function TimeChart({ id, title, unit, series, threshold, height = 140 }: TimeChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const hasThreshold = threshold !== undefined;
  const theme = useChartTheme();
  const { t } = useTranslation("diagnostics");
  const limitLabel = t("chart.limitSeries");

  useEffect(() => {
    if (!host.current) return;
    const lines: uPlot.Series[] = [
      {},
      { label: unit, stroke: theme.series[0], width: 2, points: { show: false } },
    ];
    if (hasThreshold)
      lines.push({ label: limitLabel, stroke: theme.limit, dash: [6, 4], width: 1, points: { show: false } });
    plot.current = new uPlot(
      {
        width: Math.min(WIDTH_PX, host.current.clientWidth || WIDTH_PX),
        height,
        series: lines,
        legend: { show: false },
        axes: [themedAxis(theme), themedAxis(theme, { size: 48 })],
        scales: { x: { time: true } },
      },
      [[], [], ...(hasThreshold ? [[]] : [])],
      host.current,
    );
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, [unit, height, hasThreshold, theme, limitLabel]);

  useEffect(() => {
    plot.current?.setData(chartData(series, threshold));
    // A new theme draws a new plot: it needs the data again.
  }, [series, threshold, theme, limitLabel]);

  const latest = series.values.at(-1);
  return (
    <figure
      className="perf-chart"
      data-chart={id}
      data-points={series.values.length}
      data-latest={latest ?? ""}
    >
      <figcaption>
        <span>{title}</span>
        <strong>{latest === undefined ? t("chart.noValue") : formatChartValue(latest, unit)}</strong>
        {threshold !== undefined && (
          <span className="muted"> {t("chart.limit", { value: formatChartValue(threshold, unit) })}</span>
        )}
      </figcaption>
      <div ref={host} className="perf-chart-canvas" />
    </figure>
  );
}
