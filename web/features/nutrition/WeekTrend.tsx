import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

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

  useEffect(() => {
    if (!host.current) return;
    const plot = new uPlot(
      {
        width: Math.min(WIDTH_PX, host.current.clientWidth || WIDTH_PX),
        height: 170,
        series: [
          {},
          { label: "kcal", stroke: "#38bdf8", width: 2, fill: "rgba(56,189,248,0.15)", scale: "kcal" },
          {
            label: "target",
            stroke: "#fbbf24",
            dash: [6, 4],
            width: 1,
            points: { show: false },
            scale: "kcal",
          },
          { label: "kg", stroke: "#4ade80", width: 2, scale: "kg", spanGaps: true },
        ],
        legend: { show: false },
        axes: [
          { stroke: "#94a3b8", grid: { stroke: "#1e293b" } },
          { stroke: "#94a3b8", grid: { stroke: "#1e293b" }, size: 52, scale: "kcal" },
          { stroke: "#4ade80", side: 1, scale: "kg", grid: { show: false }, size: 40 },
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
  }, [days, energyKcal, targetKcal, weightKg]);

  return (
    <figure className="week-trend" data-testid="week-trend" data-days={days.length}>
      <figcaption>
        Energy per day{targetKcal !== null ? " against the target" : ""}, and body weight
      </figcaption>
      <div ref={host} />
    </figure>
  );
}
