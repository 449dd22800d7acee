import { Hono } from "hono";
import type { AppEnv } from "../http/request-metrics";
import { adminOutsideDevelopment } from "../observability/admin-guard";
import { listAlerts } from "../observability/alert-store";

const PAST_ALERTS_SHOWN = 50;

/** `GET /api/alerts`: firing alerts and the 50 most recent resolved ones. */
export const alertsRoutes = new Hono<AppEnv>().use(adminOutsideDevelopment()).get("/", async (c) => {
  const alerts = await c.var.metrics.db(() => listAlerts(c.env.DB, PAST_ALERTS_SHOWN));
  return c.json(alerts);
});
