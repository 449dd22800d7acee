import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { themedAxis, useChartTheme } from "../../app/chart-theme";

interface Props {
  days: string[];
  energyKcal: number[];
  targetKcal: number | null;
  /** Body weight per day (null where none was logged). */
  weightKg: (number | null)[];
}

const WIDTH_PX = 360;
const toSeconds = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000;

/** Energy eaten per day against the target, and body weight on its own axis (uPlot, canvas). */
export function WeekTrend({ days, energyKcal, targetKcal, weightKg }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const theme = useChartTheme();

  useEffect(() => {
    if (!host.current) return;
    const plot = new uPlot(
      {
        width: Math.min(WIDTH_PX, host.current.clientWidth || WIDTH_PX),
        height: 170,
        series: [
          {},
          { label: "kcal", stroke: theme.series[0], width: 2, fill: theme.fill, scale: "kcal" },
          {
            label: "target",
            stroke: theme.series[3],
            dash: [6, 4],
            width: 1,
            points: { show: false },
            scale: "kcal",
          },
          { label: "kg", stroke: theme.series[2], width: 2, scale: "kg", spanGaps: true },
        ],
        legend: { show: false },
        axes: [
          themedAxis(theme),
          themedAxis(theme, { size: 52, scale: "kcal" }),
          themedAxis(theme, {
            stroke: theme.series[2],
            side: 1,
            scale: "kg",
            grid: { show: false },
            size: 40,
          }),
        ],
        scales: {
          x: { time: true },
          kcal: { range: (_u, _min, max) => [0, Math.max(max, targetKcal ?? 0) * 1.1 || 100] },
        },
      },
      [days.map(toSeconds), energyKcal, days.map(() => targetKcal), weightKg],
      host.current,
    );
    return () => plot.destroy();
  }, [days, energyKcal, targetKcal, weightKg, theme]);

  return (
    <figure className="week-trend" data-testid="week-trend" data-days={days.length}>
      <figcaption>
        Energy per day{targetKcal !== null ? " against the target" : ""}, and body weight
      </figcaption>
      <div ref={host} />
    </figure>
  );
}
