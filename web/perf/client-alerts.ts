// Device alert rules, pure: recent samples and thresholds in, one reading per rule out.
import { quantile, type PerfSample } from "./perf-sample";

export interface ClientThresholds {
  /** Fire when p95 pose inference (or round trip, when inference is not reported) is above this. */
  inferenceP95Ms: number;
  /** Fire when the page's memory is above this. */
  memoryMb: number;
  /** Fewer inference samples than this are not judged. */
  minSamples: number;
}

export const DEFAULT_CLIENT_THRESHOLDS: ClientThresholds = {
  inferenceP95Ms: 33,
  memoryMb: 512,
  minSamples: 10,
};

export type ClientAlertRule = "inference_p95_ms" | "memory_mb";

export interface ClientAlertReading {
  rule: ClientAlertRule;
  /** Null when there is too little data to judge. */
  value: number | null;
  threshold: number;
  firing: boolean;
}

/** Evaluates the device rules over the given samples (callers pass a recent window). */
export function evaluateClientAlerts(
  samples: readonly PerfSample[],
  t: ClientThresholds = DEFAULT_CLIENT_THRESHOLDS,
): ClientAlertReading[] {
  const values = (kind: PerfSample["kind"]) => samples.filter((s) => s.kind === kind).map((s) => s.value);
  const inference = values("inference_ms");
  const timed = inference.length >= t.minSamples ? inference : values("round_trip_ms");
  const p95 = timed.length >= t.minSamples ? quantile(timed, 0.95) : null;
  const memory = values("memory_mb").at(-1) ?? null;
  return [
    {
      rule: "inference_p95_ms",
      value: p95,
      threshold: t.inferenceP95Ms,
      firing: p95 !== null && p95 > t.inferenceP95Ms,
    },
    {
      rule: "memory_mb",
      value: memory,
      threshold: t.memoryMb,
      firing: memory !== null && memory > t.memoryMb,
    },
  ];
}
