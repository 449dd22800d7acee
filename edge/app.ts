import { Hono } from "hono";
import { ApiError, handleError } from "./http/errors";
import { requestMetrics, type AppEnv } from "./http/request-metrics";
import { releaseBody } from "./http/release-body";
import { noStore, securityHeaders } from "./http/security";
import { observeRequests } from "./observability/observe";
import { accountDataRoutes } from "./routes/account";
import { alertsRoutes } from "./routes/alerts";
import { authRoutes } from "./routes/auth";
import { healthRoutes } from "./routes/health";
import { metricsRoutes } from "./routes/metrics";
import { profileRoutes } from "./routes/profile";
import { syncRoutes } from "./routes/sync";
import { workoutRoutes } from "./routes/workouts";

const api = new Hono<AppEnv>()
  .basePath("/api")
  .use(releaseBody())
  .use(requestMetrics())
  .use(observeRequests())
  .use(securityHeaders())
  .use(noStore())
  .route("/health", healthRoutes)
  .route("/metrics", metricsRoutes)
  .route("/alerts", alertsRoutes)
  .route("/auth", authRoutes)
  .route("/sync", syncRoutes)
  .route("/profile", profileRoutes)
  .route("/workouts", workoutRoutes)
  .route("/account", accountDataRoutes);

// Answered, not thrown: a thrown 404 would skip the middleware that adds no-store and timing.
api.notFound((c) =>
  handleError(new ApiError(404, "not_found", `No route for ${c.req.method} ${c.req.path}.`), c),
);
api.onError(handleError);

export const app = api;

/** The API's type, for the web client's `hc<AppType>`. */
export type AppType = typeof api;
