import { useEffect, useState } from "react";
import { fetchServerAlerts, fetchServerMetrics, type ServerAlerts, type ServerSnapshot } from "./server-api";
import type { TimeSeries } from "./TimeChart";

export interface ServerSeries {
  p95Ms: TimeSeries;
  requestsPerS: TimeSeries;
  cacheHitPct: TimeSeries;
  errorPct: TimeSeries;
}

export interface ServerView {
  latest: ServerSnapshot | null;
  series: ServerSeries;
  alerts: ServerAlerts | null;
  /** The last poll's failure (a `ServerMetricsError` when the server answered wrongly). */
  error: unknown;
}

const POLL_MS = 2000;
const POINTS_KEPT = 150;

const emptySeries = (): ServerSeries => ({
  p95Ms: { times: [], values: [] },
  requestsPerS: { times: [], values: [] },
  cacheHitPct: { times: [], values: [] },
  errorPct: { times: [], values: [] },
});

function append(series: TimeSeries, t: number, value: number | null): TimeSeries {
  if (value === null) return series;
  return {
    times: [...series.times, t].slice(-POINTS_KEPT),
    values: [...series.values, value].slice(-POINTS_KEPT),
  };
}

/** Polls the server's metrics and alerts and turns the snapshots into time series. */
export function useServerMetrics(): ServerView {
  const [view, setView] = useState<ServerView>({
    latest: null,
    series: emptySeries(),
    alerts: null,
    error: null,
  });

  useEffect(() => {
    const abort = new AbortController();
    let previous: { atS: number; count: number } | null = null;
    const poll = async () => {
      try {
        const [snap, alerts] = await Promise.all([
          fetchServerMetrics(abort.signal),
          fetchServerAlerts(abort.signal),
        ]);
        const atS = Date.parse(snap.generatedAt) / 1000;
        const count = snap.sinceStart.all.count;
        const rps = previous && atS > previous.atS ? (count - previous.count) / (atS - previous.atS) : null;
        previous = { atS, count };
        const all = snap.window.all;
        setView((v) => ({
          latest: snap,
          alerts,
          error: null,
          series: {
            p95Ms: append(v.series.p95Ms, atS, all.p95Ms),
            requestsPerS: append(v.series.requestsPerS, atS, rps === null ? null : Math.max(0, rps)),
            cacheHitPct: append(
              v.series.cacheHitPct,
              atS,
              all.cacheHitRate === null ? null : all.cacheHitRate * 100,
            ),
            errorPct: append(v.series.errorPct, atS, all.errorRate * 100),
          },
        }));
      } catch (err) {
        if (!abort.signal.aborted) setView((v) => ({ ...v, error: err }));
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, []);

  return view;
}
