import { runAlertCheck } from "./alert-check";
import { routeStats } from "./route-stats";

/**
 * The Worker's `scheduled` handler (cron "* * * * *"): checks the alert rules against this isolate's
 * window. Locally that is every request; in production a cron isolate sees little traffic, so there
 * the same check belongs on Analytics Engine's SQL API (see bench/README.md).
 */
export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  await runAlertCheck(env, routeStats.snapshot(), new Date(controller.scheduledTime).toISOString());
}
