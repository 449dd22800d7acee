import { purgeExpired } from "../auth/purge";
import { runAlertCheck } from "./alert-check";
import { analyticsWindow } from "./analytics-window";
import { routeStats, type SpanFigures } from "./route-stats";

/**
 * Where the last 5 minutes come from: in production with `CF_ACCOUNT_ID` and the
 * `ANALYTICS_API_TOKEN` secret, Analytics Engine (every isolate's requests); otherwise this isolate's
 * own counters, which under `wrangler dev` (one isolate) are every request.
 */
async function currentWindow(env: Env): Promise<SpanFigures> {
  if (env.APP_ENV === "production" && env.CF_ACCOUNT_ID && env.ANALYTICS_API_TOKEN) {
    return analyticsWindow(env.CF_ACCOUNT_ID, env.ANALYTICS_API_TOKEN);
  }
  return routeStats.snapshot().window;
}

/**
 * The Worker's `scheduled` handler (cron "* * * * *"): evaluates the alert rules and stores changes,
 * and purges expired sign-in challenges and sessions. Both run even when the other fails.
 */
export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const [alerts, purge] = await Promise.allSettled([
    (async () =>
      runAlertCheck(env, await currentWindow(env), new Date(controller.scheduledTime).toISOString()))(),
    purgeExpired(env.DB, controller.scheduledTime),
  ]);
  if (purge.status === "rejected") throw purge.reason;
  if (alerts.status === "rejected") throw alerts.reason;
}
