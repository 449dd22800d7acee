import { Hono } from "hono";
import { ApiError, handleError } from "./http/errors";
import { requestMetrics, type AppEnv } from "./http/request-metrics";
import { securityHeaders } from "./http/security";
import { healthRoutes } from "./routes/health";

const api = new Hono<AppEnv>()
  .basePath("/api")
  .use(requestMetrics())
  .use(securityHeaders())
  .route("/health", healthRoutes);

api.notFound((c) => {
  throw new ApiError(404, "not_found", `No route for ${c.req.method} ${c.req.path}.`);
});
api.onError(handleError);

export const app = api;

/** The API's type, for the web client's `hc<AppType>`. */
export type AppType = typeof api;
