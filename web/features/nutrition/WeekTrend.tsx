import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { themedAxis, useChartTheme } from "../../app/chart-theme";
import { useTranslation } from "../../i18n";
import { formatDate, formatNumber } from "../../i18n/format";

interface Props {
  days: string[];
  energyKcal: number[];
  targetKcal: number | null;
  /** Body weight per day (null where none was logged). */
  weightKg: (number | null)[];
}

const WIDTH_PX = 360;
const toSeconds = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000;
/** Axis numbers and day names in the language on screen (uPlot would use the browser's). */
const numbers = (_u: uPlot, splits: number[]) => splits.map((v) => formatNumber(v));
const dayLabel = () => (date: Date) => formatDate(date, { month: "short", day: "numeric" });

/** Energy eaten per day against the target, and body weight on its own axis (uPlot, canvas). */
export function WeekTrend({ days, energyKcal, targetKcal, weightKg }: Props) {
  const { t } = useTranslation("nutrition");
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
          { label: t("trend.energy"), stroke: theme.series[0], width: 2, fill: theme.fill, scale: "kcal" },
          {
            label: t("trend.target"),
            stroke: theme.series[3],
            dash: [6, 4],
            width: 1,
            points: { show: false },
            scale: "kcal",
          },
          { label: t("trend.weight"), stroke: theme.series[2], width: 2, scale: "kg", spanGaps: true },
        ],
        legend: { show: false },
        fmtDate: dayLabel,
        axes: [
          themedAxis(theme),
          themedAxis(theme, { size: 52, scale: "kcal", values: numbers }),
          themedAxis(theme, {
            stroke: theme.series[2],
            side: 1,
            scale: "kg",
            grid: { show: false },
            size: 40,
            values: numbers,
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
  }, [days, energyKcal, targetKcal, weightKg, theme, t]);

  return (
    <figure className="week-trend" data-testid="week-trend" data-days={days.length}>
      <figcaption>{targetKcal !== null ? t("trend.captionWithTarget") : t("trend.caption")}</figcaption>
      <div ref={host} />
    </figure>
  );
}
