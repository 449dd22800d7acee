// Optional vars and secrets the observability code reads; absent ones keep the defaults.
declare global {
  namespace Cloudflare {
    interface Env {
      /** "0" turns the per-request JSON log off (benchmarks: `--var LOG_REQUESTS:0`). */
      LOG_REQUESTS?: string;
      /** Secret: bearer token for `GET /api/metrics` in production. */
      METRICS_TOKEN?: string;
      /** Secret: where alert transitions are POSTed as JSON. */
      ALERT_WEBHOOK_URL?: string;
      /** Account whose Analytics Engine the production alert check reads. */
      CF_ACCOUNT_ID?: string;
      /** Secret: API token with Account Analytics Read, for the Analytics Engine SQL API. */
      ANALYTICS_API_TOKEN?: string;
      /** Optional JSON overriding alert thresholds, e.g. `{"apiP95Ms":50}`. */
      ALERT_THRESHOLDS?: string;
    }
  }
}

export {};
