import { useEffect, useMemo, useRef, useState } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { themedAxis, useChartTheme } from "../../app/chart-theme";
import type { LoggedSession } from "../../../shared/plans";
import type { PlanSlot } from "../../../shared/schemas/plan";
import { exerciseName, type ExerciseLibrary } from "../library/exercise-data";
import type { WeightUnit } from "../log/units";
import { useTranslation } from "../../i18n";
import { formatNumber, formatWeight } from "../../i18n/format";
import { KG_PER_LB } from "../../../shared/plans";
import { liftHistory } from "./lift-history";

interface Props {
  slots: readonly PlanSlot[];
  sessions: readonly LoggedSession[];
  unit: WeightUnit;
  library: ExerciseLibrary | undefined;
}

const WIDTH_PX = 340;

const daySeconds = (day: string) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime() / 1000;
};

/** Per lift: top load, estimated 1RM and camera form score over time (uPlot). */
export function LiftProgress({ slots, sessions, unit, library }: Props) {
  const lifts = useMemo(() => [...new Map(slots.map((s) => [s.exerciseId, s])).values()], [slots]);
  const { t } = useTranslation("plan");
  const [chosen, setChosen] = useState(lifts[0]?.exerciseId ?? "");
  const slot = lifts.find((s) => s.exerciseId === chosen) ?? lifts[0];
  const points = useMemo(() => (slot ? liftHistory(sessions, slot) : []), [sessions, slot]);
  const host = useRef<HTMLDivElement>(null);
  const theme = useChartTheme();

  useEffect(() => {
    if (!host.current || points.length === 0) return;
    const toUnit = (kg: number | null) => (kg === null ? null : unit === "kg" ? kg : kg / KG_PER_LB);
    const plot = new uPlot(
      {
        width: Math.min(WIDTH_PX, host.current.clientWidth || WIDTH_PX),
        height: 160,
        series: [
          {},
          { label: t("progress.seriesTopLoad", { unit }), stroke: theme.series[0], width: 2, scale: "load" },
          {
            label: t("progress.seriesOneRepMax", { unit }),
            stroke: theme.series[1],
            width: 2,
            dash: [4, 3],
            scale: "load",
          },
          { label: t("progress.seriesForm"), stroke: theme.series[2], width: 2, scale: "score" },
        ],
        axes: [
          themedAxis(theme),
          themedAxis(theme, { scale: "load", size: 48 }),
          themedAxis(theme, {
            stroke: theme.series[2],
            side: 1,
            scale: "score",
            grid: { show: false },
            size: 36,
          }),
        ],
        scales: { x: { time: true }, score: { range: [0, 100] } },
      },
      [
        points.map((p) => daySeconds(p.day)),
        points.map((p) => toUnit(p.topKg)),
        points.map((p) => toUnit(p.oneRepMaxKg)),
        points.map((p) => p.formScore),
      ],
      host.current,
    );
    return () => plot.destroy();
  }, [points, unit, theme, t]);

  if (!slot) return null;
  const last = points.at(-1);
  return (
    <section className="plan-progress" aria-label={t("progress.title")}>
      <h2>{t("progress.title")}</h2>
      <label>
        {t("progress.lift")}{" "}
        <select value={slot.exerciseId} onChange={(e) => setChosen(e.target.value)}>
          {lifts.map((s) => (
            <option key={s.exerciseId} value={s.exerciseId}>
              {exerciseName(s.exerciseId, library)}
            </option>
          ))}
        </select>
      </label>
      {points.length === 0 ? (
        <p className="muted">{t("progress.none")}</p>
      ) : (
        <figure data-points={points.length}>
          <figcaption className="muted">
            {t("progress.caption", {
              sessions: t("progress.sessions", { count: points.length }),
              last: [
                ...(last!.topKg === null
                  ? []
                  : [t("progress.topLoad", { load: formatWeight(last!.topKg, unit) })]),
                ...(last!.oneRepMaxKg === null
                  ? []
                  : [t("progress.oneRepMax", { load: formatWeight(last!.oneRepMaxKg, unit) })]),
                ...(last!.formScore === null
                  ? []
                  : [t("progress.form", { score: formatNumber(Math.round(last!.formScore)) })]),
              ].join(", "),
            })}
          </figcaption>
          <div ref={host} />
        </figure>
      )}
    </section>
  );
}
