/** What a device sample measures; the suffix is its unit. */
export type PerfKind =
  | "inference_ms"
  | "round_trip_ms"
  | "fps"
  | "dropped_frames"
  | "worker_start_ms"
  | "model_loaded_ms"
  | "first_landmarks_ms"
  | "long_task_ms"
  | "memory_mb"
  | "api_ms"
  | "lcp_ms"
  | "inp_ms"
  | "cls";

/** One device measurement, as stored in the capped `spotter-perf` database. */
export interface PerfSample {
  id?: number;
  kind: PerfKind;
  /** Epoch milliseconds (so samples from different page loads line up). */
  atMs: number;
  value: number;
  /** Short context, e.g. the API path or the pose model. */
  label?: string;
}

/** The q-quantile (0..1) of values by nearest rank, or null when there are none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? null;
}
