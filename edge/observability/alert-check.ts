// The cron side: read the window, evaluate the rules, store the transitions, tell the webhook.
import * as v from "valibot";
import {
  DEFAULT_THRESHOLDS,
  evaluateAlerts,
  type AlertThresholds,
  type AlertTransition,
} from "./alert-rules";
import { applyTransitions, firingAlerts } from "./alert-store";
import type { SpanFigures } from "./route-stats";

const ThresholdOverrides = v.partial(
  v.object({
    apiP95Ms: v.pipe(v.number(), v.minValue(0)),
    errorRate: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    cacheHitRate: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    minRequests: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
);

/** The thresholds in force: defaults, overridden by the `ALERT_THRESHOLDS` JSON var when it is valid. */
export function thresholdsFromEnv(raw: string | undefined): AlertThresholds {
  if (!raw) return DEFAULT_THRESHOLDS;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    console.error(
      JSON.stringify({ level: "error", msg: "ALERT_THRESHOLDS is not JSON", error: String(err) }),
    );
    return DEFAULT_THRESHOLDS;
  }
  const parsed = v.safeParse(ThresholdOverrides, json);
  if (!parsed.success) {
    console.error(
      JSON.stringify({ level: "error", msg: "ALERT_THRESHOLDS ignored", issues: v.flatten(parsed.issues) }),
    );
    return DEFAULT_THRESHOLDS;
  }
  return { ...DEFAULT_THRESHOLDS, ...parsed.output };
}

/** POSTs transitions as JSON; a failing webhook is logged and never fails the check. */
export async function notifyWebhook(url: string, transitions: AlertTransition[], at: string): Promise<void> {
  const changes = transitions.filter((t) => t.kind !== "update");
  if (changes.length === 0) return;
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ source: "spotter", at, alerts: changes }),
    });
    if (!res.ok)
      console.error(JSON.stringify({ level: "error", msg: "alert webhook refused", status: res.status }));
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "alert webhook failed", error: String(err) }));
  }
}

/** One run of the rule check against a window of figures; returns what changed. */
export async function runAlertCheck(env: Env, window: SpanFigures, at: string): Promise<AlertTransition[]> {
  const thresholds = thresholdsFromEnv(env.ALERT_THRESHOLDS);
  const transitions = evaluateAlerts(window, thresholds, await firingAlerts(env.DB));
  await applyTransitions(env.DB, transitions, at);
  if (env.ALERT_WEBHOOK_URL) await notifyWebhook(env.ALERT_WEBHOOK_URL, transitions, at);
  return transitions;
}
