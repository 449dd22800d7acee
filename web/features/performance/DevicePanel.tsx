import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  DEFAULT_CLIENT_THRESHOLDS,
  evaluateClientAlerts,
  type ClientAlertRule,
} from "../../perf/client-alerts";
import type { PerfKind, PerfSample } from "../../perf/perf-sample";
import { formatChartValue, type ChartUnit } from "./chart-format";
import { TimeChart, type TimeSeries } from "./TimeChart";
import { useDeviceSamples } from "./use-device-samples";

const KINDS: PerfKind[] = [
  "inference_ms",
  "round_trip_ms",
  "fps",
  "dropped_frames",
  "api_ms",
  "memory_mb",
  "long_task_ms",
  "lcp_ms",
  "inp_ms",
  "cls",
];

const toSeries = (samples: PerfSample[] = []): TimeSeries => ({
  times: samples.map((s) => s.atMs / 1000),
  values: samples.map((s) => s.value),
});

const VITALS = [
  { kind: "lcp_ms", unit: "ms", goal: 2500 },
  { kind: "inp_ms", unit: "ms", goal: 200 },
  { kind: "cls", unit: "none", goal: 0.1 },
] as const satisfies readonly { kind: PerfKind; unit: ChartUnit; goal: number }[];

const RULE_UNITS: Record<ClientAlertRule, ChartUnit> = { inference_p95_ms: "ms", memory_mb: "MB" };

/** This device: pose timing, API latency as seen here, memory, long tasks, Web Vitals, device alerts. */
export function DevicePanel() {
  const { t } = useTranslation("diagnostics");
  const samples = useDeviceSamples(KINDS);
  const series = useMemo(
    () => Object.fromEntries(KINDS.map((k) => [k, toSeries(samples[k])])) as Record<PerfKind, TimeSeries>,
    [samples],
  );
  const hasInference = series.inference_ms.values.length > 0;
  const readings = evaluateClientAlerts(
    [...(samples.inference_ms ?? []), ...(samples.round_trip_ms ?? []), ...(samples.memory_mb ?? [])],
    DEFAULT_CLIENT_THRESHOLDS,
  );

  return (
    <section aria-labelledby="device-heading">
      <h2 id="device-heading">{t("device.heading")}</h2>
      <ul className="perf-alerts" aria-label={t("device.alertsLabel")}>
        {readings.map((r) => (
          <li
            key={r.rule}
            className={r.firing ? "firing" : "resolved"}
            data-alert={r.rule}
            data-firing={r.firing}
          >
            {t(r.firing ? "device.alertFiring" : "device.alert", {
              rule: t(`device.rules.${r.rule}`),
              value:
                r.value === null ? t("device.notEnoughData") : formatChartValue(r.value, RULE_UNITS[r.rule]),
              limit: formatChartValue(r.threshold, RULE_UNITS[r.rule]),
            })}
          </li>
        ))}
      </ul>
      <div className="perf-vitals">
        {VITALS.map(({ kind, unit, goal }) => {
          const latest = series[kind].values.at(-1);
          return (
            <span key={kind} data-vital={kind}>
              {t(`device.vitals.${kind}`)}{" "}
              <strong>{latest === undefined ? t("chart.noValue") : formatChartValue(latest, unit)}</strong>{" "}
              <span className="muted">{t("device.vitalGoal", { goal: formatChartValue(goal, unit) })}</span>
            </span>
          );
        })}
      </div>
      <div className="perf-grid">
        <TimeChart
          id={hasInference ? "inference_ms" : "round_trip_ms"}
          title={hasInference ? t("device.charts.inference") : t("device.charts.roundTrip")}
          unit="ms"
          series={hasInference ? series.inference_ms : series.round_trip_ms}
          threshold={DEFAULT_CLIENT_THRESHOLDS.inferenceP95Ms}
        />
        <TimeChart id="fps" title={t("device.charts.fps")} unit="fps" series={series.fps} />
        <TimeChart
          id="dropped_frames"
          title={t("device.charts.dropped")}
          unit="perSecond"
          series={series.dropped_frames}
        />
        <TimeChart id="api_ms" title={t("device.charts.api")} unit="ms" series={series.api_ms} />
        <TimeChart
          id="memory_mb"
          title={t("device.charts.memory")}
          unit="MB"
          series={series.memory_mb}
          threshold={DEFAULT_CLIENT_THRESHOLDS.memoryMb}
        />
        <TimeChart
          id="long_task_ms"
          title={t("device.charts.longTasks")}
          unit="ms"
          series={series.long_task_ms}
          threshold={50}
        />
      </div>
    </section>
  );
}
