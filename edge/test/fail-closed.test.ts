import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../app";
import { call, signUp } from "./helpers";

const fetchAs = (appEnv: string | undefined, path: string, auth?: string) =>
  app.fetch(
    new Request(`http://localhost${path}`, auth ? { headers: { Authorization: auth } } : {}),
    // A deployment's configuration, which wrangler's generated Env types pin to this repo's own value.
    { ...env, APP_ENV: appEnv, METRICS_TOKEN: "s3cret-token" } as unknown as Env,
    createExecutionContext(),
  );

describe("diagnostics fail closed", () => {
  it("ask for a token in staging, with a typo, or with no APP_ENV at all", async () => {
    for (const appEnv of ["staging", "Development", "developmentx", "", undefined]) {
      for (const path of ["/api/metrics", "/api/alerts"]) {
        const res = await fetchAs(appEnv, path);
        expect(res.status, `${path} with APP_ENV=${appEnv}`).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
        expect((await fetchAs(appEnv, path, "Bearer s3cret-token")).status).toBe(200);
      }
    }
  });

  it("stay open without a token only in development and test", async () => {
    for (const appEnv of ["development", "test"]) {
      expect((await fetchAs(appEnv, "/api/metrics")).status).toBe(200);
      expect((await fetchAs(appEnv, "/api/alerts")).status).toBe(200);
    }
  });
});

describe("no API answer may be stored by a cache", () => {
  it("marks successes, errors and the recovery code no-store", async () => {
    const account = await signUp("nostore");
    const responses = [
      await call("/api/health"),
      await call("/api/nope"),
      await call("/api/sync/pull"),
      await call("/api/sync/pull", { cookie: account.cookie }),
      await call("/api/auth/me", { cookie: account.cookie }),
      await call("/api/auth/recover", {
        json: { username: account.username, code: account.recoveryCode },
        ip: account.ip,
      }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 404, 401, 200, 200, 200]);
    for (const res of responses) expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
