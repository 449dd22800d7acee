import { useMemo } from "react";
import { DEFAULT_CLIENT_THRESHOLDS, evaluateClientAlerts } from "../../perf/client-alerts";
import type { PerfKind, PerfSample } from "../../perf/perf-sample";
import { TimeChart, formatValue, type TimeSeries } from "./TimeChart";
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

const VITALS: { kind: PerfKind; label: string; unit: string; goal: number }[] = [
  { kind: "lcp_ms", label: "LCP", unit: "ms", goal: 2500 },
  { kind: "inp_ms", label: "INP", unit: "ms", goal: 200 },
  { kind: "cls", label: "CLS", unit: "", goal: 0.1 },
];

/** This device: pose timing, API latency as seen here, memory, long tasks, Web Vitals, device alerts. */
export function DevicePanel() {
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
      <h2 id="device-heading">This device</h2>
      <ul className="perf-alerts" aria-label="Device alerts">
        {readings.map((r) => (
          <li
            key={r.rule}
            className={r.firing ? "firing" : "resolved"}
            data-alert={r.rule}
            data-firing={r.firing}
          >
            {r.rule === "memory_mb" ? "Memory" : "Pose inference p95"}:{" "}
            {r.value === null ? "not enough data" : formatValue(r.value)} (limit {r.threshold})
            {r.firing ? " firing" : ""}
          </li>
        ))}
      </ul>
      <div className="perf-vitals">
        {VITALS.map(({ kind, label, unit, goal }) => {
          const latest = series[kind].values.at(-1);
          return (
            <span key={kind} data-vital={kind}>
              {label} <strong>{latest === undefined ? "–" : `${formatValue(latest)} ${unit}`}</strong>{" "}
              <span className="muted">
                goal ≤ {goal} {unit}
              </span>
            </span>
          );
        })}
      </div>
      <div className="perf-grid">
        <TimeChart
          id={hasInference ? "inference_ms" : "round_trip_ms"}
          title={hasInference ? "Pose inference" : "Pose round trip"}
          unit="ms"
          series={hasInference ? series.inference_ms : series.round_trip_ms}
          threshold={DEFAULT_CLIENT_THRESHOLDS.inferenceP95Ms}
        />
        <TimeChart id="fps" title="Frames per second" unit="fps" series={series.fps} />
        <TimeChart id="dropped_frames" title="Dropped frames" unit="/s" series={series.dropped_frames} />
        <TimeChart id="api_ms" title="API latency (this device)" unit="ms" series={series.api_ms} />
        <TimeChart
          id="memory_mb"
          title="Memory"
          unit="MB"
          series={series.memory_mb}
          threshold={DEFAULT_CLIENT_THRESHOLDS.memoryMb}
        />
        <TimeChart
          id="long_task_ms"
          title="Long tasks"
          unit="ms"
          series={series.long_task_ms}
          threshold={50}
        />
      </div>
    </section>
  );
}
