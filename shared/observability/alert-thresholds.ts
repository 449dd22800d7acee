/**
 * The server's alert limits, shared so that the Worker's cron rules and the Performance page's
 * charts draw the same lines.
 */
export interface AlertThresholds {
  /** Fire when the API's p95 latency over the window is above this. */
  apiP95Ms: number;
  /** Fire when the share of 5xx answers is above this (0..1). */
  errorRate: number;
  /** Fire when cache hits over cache lookups fall below this (0..1). */
  cacheHitRate: number;
  /** Below this many requests (or cache lookups) a rule has too little data and does not fire. */
  minRequests: number;
}

/** The product's goals: API p95 under 100 ms, under 1 % errors, at least 80 % cache hits. */
export const DEFAULT_THRESHOLDS: AlertThresholds = {
  apiP95Ms: 100,
  errorRate: 0.01,
  cacheHitRate: 0.8,
  minRequests: 20,
};
