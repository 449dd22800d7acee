import { useTranslation } from "react-i18next";
import { errorMessage } from "../../i18n/errors";
import { formatNumber, formatPercent, formatTime } from "../../i18n/format";
import { DEFAULT_THRESHOLDS } from "../../../shared/observability/alert-thresholds";
import { formatChartValue, type ChartUnit } from "./chart-format";
import { ServerMetricsError, type ServerAlert } from "./server-api";
import { TimeChart } from "./TimeChart";
import { useServerMetrics } from "./use-server-metrics";

const NO_VALUE = "–";
const pct = (rate: number | null) => (rate === null ? NO_VALUE : formatPercent(rate, 1));
const ms = (n: number | null) => (n === null ? NO_VALUE : formatNumber(n, { maximumFractionDigits: 1 }));

/** The rules the server raises, with how their values are written; another rule shows as "Alert". */
const RULES = {
  api_p95_ms: "ms",
  error_rate: "rate",
  cache_hit_rate: "rate",
} as const satisfies Record<string, ChartUnit | "rate">;

function isKnownRule(rule: string): rule is keyof typeof RULES {
  return Object.hasOwn(RULES, rule);
}

function AlertItem({ alert }: { alert: ServerAlert }) {
  const { t } = useTranslation("diagnostics");
  const known = isKnownRule(alert.rule) ? alert.rule : null;
  const unit = known ? RULES[known] : "none";
  const write = (n: number) => (unit === "rate" ? formatPercent(n, 1) : formatChartValue(n, unit));
  const words = {
    value: alert.value === null ? "" : write(alert.value),
    threshold: write(alert.threshold),
    state: t(`server.states.${alert.state}`),
    since: formatTime(alert.startedAt, { timeStyle: "medium" }),
  };
  return (
    <li className={alert.state} data-alert={alert.rule} data-state={alert.state}>
      <strong>{known ? t(`server.rules.${known}`) : t("server.rules.unknown")}</strong>{" "}
      {alert.endedAt
        ? t("server.alertEnded", { ...words, until: formatTime(alert.endedAt, { timeStyle: "medium" }) })
        : t("server.alert", words)}
    </li>
  );
}

function unavailableReason(error: unknown, t: ReturnType<typeof useTranslation<"diagnostics">>["t"]) {
  if (!(error instanceof ServerMetricsError)) return errorMessage(error);
  if (error.reason === "http") return t("server.errors.http", { status: error.status ?? 0 });
  return t(`server.errors.${error.reason}`);
}

const COLUMNS = ["route", "count", "p50", "p95", "p99", "errors", "cacheHit", "dbQueries"] as const;

/** The server: `/api/metrics` over time with the alert thresholds, per-route figures and alerts. */
export function ServerPanel() {
  const { t } = useTranslation("diagnostics");
  const { latest, series, alerts, error } = useServerMetrics();
  const routes = Object.entries(latest?.window.routes ?? {});
  return (
    <section aria-labelledby="server-heading">
      <h2 id="server-heading">{t("server.heading")}</h2>
      {error !== null && error !== undefined && (
        <p role="alert" className="muted">
          {t("server.unavailable", { reason: unavailableReason(error, t) })}
        </p>
      )}
      <h3>{t("server.alertsHeading")}</h3>
      <ul className="perf-alerts" aria-label={t("server.alertsLabel")}>
        {alerts?.active.map((a) => (
          <AlertItem key={a.id} alert={a} />
        ))}
        {alerts && alerts.active.length === 0 && <li className="resolved">{t("server.noneFiring")}</li>}
        {alerts?.past.slice(0, 10).map((a) => (
          <AlertItem key={a.id} alert={a} />
        ))}
      </ul>
      <div className="perf-grid">
        <TimeChart
          id="server_p95_ms"
          title={t("server.charts.p95")}
          unit="ms"
          series={series.p95Ms}
          threshold={DEFAULT_THRESHOLDS.apiP95Ms}
        />
        <TimeChart
          id="server_rps"
          title={t("server.charts.requests")}
          unit="requestsPerSecond"
          series={series.requestsPerS}
        />
        <TimeChart
          id="server_cache_hit"
          title={t("server.charts.cacheHit")}
          unit="percent"
          series={series.cacheHitPct}
          threshold={DEFAULT_THRESHOLDS.cacheHitRate * 100}
        />
        <TimeChart
          id="server_errors"
          title={t("server.charts.errors")}
          unit="percent"
          series={series.errorPct}
          threshold={DEFAULT_THRESHOLDS.errorRate * 100}
        />
      </div>
      <h3>{t("server.routesHeading")}</h3>
      <table className="perf-routes">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column}>{t(`server.columns.${column}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {routes.map(([route, f]) => (
            <tr key={route} data-route={route}>
              <td>{route}</td>
              <td>{formatNumber(f.count)}</td>
              <td>{ms(f.p50Ms)}</td>
              <td>{ms(f.p95Ms)}</td>
              <td>{ms(f.p99Ms)}</td>
              <td>{pct(f.errorRate)}</td>
              <td>{pct(f.cacheHitRate)}</td>
              <td>{formatNumber(f.dbQueriesPerRequest, { maximumFractionDigits: 2 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
