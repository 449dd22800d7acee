// LCP, INP and CLS as the `web-vitals` package measures them (the definitions on web.dev: INP is
// the 98th percentile of interactions, CLS the worst session window), stored as device samples.
import { onCLS, onINP, onLCP, type Metric } from "web-vitals";
import type { PerfKind } from "./perf-sample";
import type { RecordSample } from "./recorder";

const KIND_OF: Record<Metric["name"], PerfKind | null> = {
  LCP: "lcp_ms",
  INP: "inp_ms",
  CLS: "cls",
  FCP: null,
  TTFB: null,
};

/**
 * Records every change of LCP, INP and CLS (not only the value at page hide), so the dashboard
 * shows them while the page is open. The package offers no way to unsubscribe: stopping only
 * stops recording.
 */
export function observeWebVitals(record: RecordSample): () => void {
  let stopped = false;
  const report = (metric: Metric) => {
    const kind = KIND_OF[metric.name];
    if (stopped || !kind) return;
    record(kind, kind === "cls" ? Math.round(metric.value * 1000) / 1000 : metric.value);
  };
  const options = { reportAllChanges: true };
  onLCP(report, options);
  onINP(report, options);
  onCLS(report, options);
  return () => {
    stopped = true;
  };
}
