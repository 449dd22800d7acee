// Small statistics helpers for the benchmarks: nearest-rank percentiles and rounding.

/** Nearest-rank q-quantile (0..1) of `values`; null when empty. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? null;
}

export const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;

export const roundOrNull = (n: number | null, places = 2): number | null =>
  n === null ? null : round(n, places);

/** The middle value; of an even count, the mean of the two middle ones (not the lower: no bias). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
