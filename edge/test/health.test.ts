import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const get = (path: string) => exports.default.fetch(new Request(`http://localhost${path}`));

describe("GET /api/health", () => {
  it("reports the version and that D1 and KV answer", async () => {
    const res = await get("/api/health");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      version: string;
      db: { ok: boolean };
      kv: { ok: boolean };
    };
    expect(body.status).toBe("ok");
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.db.ok).toBe(true);
    expect(body.kv.ok).toBe(true);
  });

  it("carries Server-Timing and the security headers", async () => {
    const res = await get("/api/health");
    expect(res.headers.get("Server-Timing")).toMatch(
      /total;dur=[\d.]+, db;dur=[\d.]+;desc="1 queries", cache;desc=miss/,
    );
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(res.headers.get("Permissions-Policy")).toContain("camera=(self)");
  });
});

describe("errors", () => {
  it("answers an unknown route with a 404 JSON envelope", async () => {
    const res = await get("/api/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: "No route for GET /api/nope." },
    });
  });
});
