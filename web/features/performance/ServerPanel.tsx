import type { ServerAlert } from "./server-api";
import { TimeChart, formatValue } from "./TimeChart";
import { useServerMetrics } from "./use-server-metrics";
import { DEFAULT_THRESHOLDS } from "../../../shared/observability/alert-thresholds";

const pct = (rate: number | null) => (rate === null ? "–" : `${(rate * 100).toFixed(1)} %`);
const ms = (n: number | null) => (n === null ? "–" : formatValue(n));

function AlertItem({ alert }: { alert: ServerAlert }) {
  return (
    <li className={alert.state} data-alert={alert.rule} data-state={alert.state}>
      <strong>{alert.rule}</strong> {alert.value === null ? "" : formatValue(alert.value)} (threshold{" "}
      {alert.threshold}) · {alert.state} since {new Date(alert.startedAt).toLocaleTimeString()}
      {alert.endedAt ? ` until ${new Date(alert.endedAt).toLocaleTimeString()}` : ""}
    </li>
  );
}

/** The server: `/api/metrics` over time with the alert thresholds, per-route figures and alerts. */
export function ServerPanel() {
  const { latest, series, alerts, error } = useServerMetrics();
  const routes = Object.entries(latest?.window.routes ?? {});
  return (
    <section aria-labelledby="server-heading">
      <h2 id="server-heading">Server</h2>
      {error && (
        <p role="alert" className="muted">
          Server metrics unavailable: {error}
        </p>
      )}
      <h3>Alerts</h3>
      <ul className="perf-alerts" aria-label="Server alerts">
        {alerts?.active.map((a) => (
          <AlertItem key={a.id} alert={a} />
        ))}
        {alerts && alerts.active.length === 0 && <li className="resolved">No alert is firing.</li>}
        {alerts?.past.slice(0, 10).map((a) => (
          <AlertItem key={a.id} alert={a} />
        ))}
      </ul>
      <div className="perf-grid">
        <TimeChart
          id="server_p95_ms"
          title="API p95 (5 min)"
          unit="ms"
          series={series.p95Ms}
          threshold={DEFAULT_THRESHOLDS.apiP95Ms}
        />
        <TimeChart id="server_rps" title="Requests" unit="req/s" series={series.requestsPerS} />
        <TimeChart
          id="server_cache_hit"
          title="Cache hit rate"
          unit="%"
          series={series.cacheHitPct}
          threshold={DEFAULT_THRESHOLDS.cacheHitRate * 100}
        />
        <TimeChart
          id="server_errors"
          title="Server errors"
          unit="%"
          series={series.errorPct}
          threshold={DEFAULT_THRESHOLDS.errorRate * 100}
        />
      </div>
      <h3>Routes, last 5 minutes</h3>
      <table className="perf-routes">
        <thead>
          <tr>
            <th>Route</th>
            <th>n</th>
            <th>p50</th>
            <th>p95</th>
            <th>p99 ms</th>
            <th>5xx</th>
            <th>cache hit</th>
            <th>D1 q/req</th>
          </tr>
        </thead>
        <tbody>
          {routes.map(([route, f]) => (
            <tr key={route} data-route={route}>
              <td>{route}</td>
              <td>{f.count}</td>
              <td>{ms(f.p50Ms)}</td>
              <td>{ms(f.p95Ms)}</td>
              <td>{ms(f.p99Ms)}</td>
              <td>{pct(f.errorRate)}</td>
              <td>{pct(f.cacheHitRate)}</td>
              <td>{f.dbQueriesPerRequest}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
