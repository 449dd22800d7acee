// The server's alert rules as a pure function: a metrics window plus thresholds and the alerts that
// are firing now go in, the transitions to apply come out. No clock, no storage, no network.
import type { AlertThresholds } from "../../shared/observability/alert-thresholds";
import type { SpanFigures } from "./route-stats";

export { DEFAULT_THRESHOLDS, type AlertThresholds } from "../../shared/observability/alert-thresholds";

export type AlertRule = "api_p95_ms" | "error_rate" | "cache_hit_rate";

export interface RuleReading {
  rule: AlertRule;
  /** The measured value, or null when the window holds too little data to judge. */
  value: number | null;
  threshold: number;
  breached: boolean;
}

export interface FiringAlert {
  id: number;
  rule: AlertRule;
}

export type AlertTransition =
  | { kind: "fire"; rule: AlertRule; value: number; threshold: number }
  | { kind: "update"; id: number; rule: AlertRule; value: number; threshold: number }
  | { kind: "resolve"; id: number; rule: AlertRule; value: number | null; threshold: number };

/** Reads each rule's value from the window and whether it breaches its threshold. */
export function readRules(window: SpanFigures, t: AlertThresholds): RuleReading[] {
  const { all } = window;
  const enough = all.count >= t.minRequests;
  const p95 = enough ? all.p95Ms : null;
  const errorRate = enough ? all.errorRate : null;
  const hitRate = all.cacheLookups >= t.minRequests ? all.cacheHitRate : null;
  return [
    { rule: "api_p95_ms", value: p95, threshold: t.apiP95Ms, breached: p95 !== null && p95 > t.apiP95Ms },
    {
      rule: "error_rate",
      value: errorRate,
      threshold: t.errorRate,
      breached: errorRate !== null && errorRate > t.errorRate,
    },
    {
      rule: "cache_hit_rate",
      value: hitRate,
      threshold: t.cacheHitRate,
      breached: hitRate !== null && hitRate < t.cacheHitRate,
    },
  ];
}

/**
 * What to change: a breached rule with no firing alert fires; a firing one that still breaches gets
 * its latest value; a firing one that no longer breaches (or has no data left) resolves.
 */
export function evaluateAlerts(
  window: SpanFigures,
  thresholds: AlertThresholds,
  firing: readonly FiringAlert[],
): AlertTransition[] {
  const transitions: AlertTransition[] = [];
  for (const reading of readRules(window, thresholds)) {
    const open = firing.find((a) => a.rule === reading.rule);
    const { rule, threshold, value } = reading;
    if (reading.breached && value !== null) {
      transitions.push(
        open
          ? { kind: "update", id: open.id, rule, value, threshold }
          : { kind: "fire", rule, value, threshold },
      );
    } else if (open) {
      transitions.push({ kind: "resolve", id: open.id, rule, value, threshold });
    }
  }
  return transitions;
}
