import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { AUTH_LIMIT, FixedWindowLimiter } from "../auth/rate-limit";
import { SoftAuthenticator } from "./authenticator";
import {
  ORIGIN,
  call,
  freshIp,
  json,
  queriesOf,
  quotaWindowWithRoomFor,
  sessionCookie,
  signUp,
} from "./helpers";

type Options = { challengeId: string; options: { challenge: string; allowCredentials?: { id: string }[] } };

async function signIn(account: { username: string; passkey: SoftAuthenticator; ip: string }) {
  const options = await json<Options>(
    await call("/api/auth/login/options", { json: { username: account.username }, ip: account.ip }),
  );
  const response = await account.passkey.assert(options.options, ORIGIN);
  return call("/api/auth/login/verify", {
    json: { challengeId: options.challengeId, response },
    ip: account.ip,
  });
}

describe("passkey sign-up", () => {
  it("verifies a new passkey, opens a session and shows a recovery code once", async () => {
    const account = await signUp();
    expect(account.recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    const me = await call("/api/auth/me", { cookie: account.cookie });
    expect(me.status).toBe(200);
    expect(await json(me)).toMatchObject({ user: { id: account.userId, username: account.username } });
  });

  it("sets an HttpOnly, SameSite=Strict session cookie for the whole site, not Secure on http", async () => {
    const ip = freshIp();
    const username = `cookie-${Date.now()}`;
    const options = await json<{
      challengeId: string;
      options: Parameters<SoftAuthenticator["register"]>[0];
    }>(await call("/api/auth/register/options", { json: { username }, ip }));
    const passkey = await SoftAuthenticator.create();
    const res = await call("/api/auth/register/verify", {
      json: { challengeId: options.challengeId, response: await passkey.register(options.options, ORIGIN) },
      ip,
    });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/spotter_session=[A-Za-z0-9_-]{43}/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain("Secure");
  });

  it("keeps only the SHA-256 of a session token, so the database never holds a working cookie", async () => {
    const account = await signUp();
    const token = account.cookie.replace(/^spotter_session=/, "");
    const rows = await env.DB.prepare("SELECT token_hash FROM sessions WHERE user_id = ?")
      .bind(account.userId)
      .all<{ token_hash: string }>();
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
    expect(rows.results.map((r) => r.token_hash)).toEqual([hex]);
  });

  it("refuses a taken username with 409", async () => {
    const account = await signUp();
    const res = await call("/api/auth/register/options", {
      json: { username: account.username },
      ip: freshIp(),
    });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ error: { code: "conflict" } });
  });

  it("refuses a passkey made for another site or challenge", async () => {
    const ip = freshIp();
    const options = await json<{
      challengeId: string;
      options: Parameters<SoftAuthenticator["register"]>[0];
    }>(await call("/api/auth/register/options", { json: { username: `phish-${Date.now()}` }, ip }));
    const passkey = await SoftAuthenticator.create();
    const response = await passkey.register(options.options, "https://evil.example");
    const res = await call("/api/auth/register/verify", {
      json: { challengeId: options.challengeId, response },
      ip,
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ error: { code: "bad_request" } });
  });

  it("uses a challenge once", async () => {
    const ip = freshIp();
    const options = await json<{
      challengeId: string;
      options: Parameters<SoftAuthenticator["register"]>[0];
    }>(await call("/api/auth/register/options", { json: { username: `once-${Date.now()}` }, ip }));
    const passkey = await SoftAuthenticator.create();
    const body = {
      challengeId: options.challengeId,
      response: await passkey.register(options.options, ORIGIN),
    };
    expect((await call("/api/auth/register/verify", { json: body, ip })).status).toBe(201);
    expect((await call("/api/auth/register/verify", { json: body, ip })).status).toBe(400);
  });
});

describe("passkey sign-in", () => {
  it("signs in with the registered passkey on a second device, in two D1 round trips", async () => {
    const account = await signUp();
    const options = await json<Options>(
      await call("/api/auth/login/options", { json: { username: account.username }, ip: account.ip }),
    );
    expect(options.options.allowCredentials?.map((c) => c.id)).toEqual([account.passkey.id]);
    const response = await account.passkey.assert(options.options, ORIGIN);
    const res = await call("/api/auth/login/verify", {
      json: { challengeId: options.challengeId, response, deviceName: "Phone" },
      ip: account.ip,
    });
    expect(res.status).toBe(200);
    expect(queriesOf(res)).toBe(2);
    const devices = await json<{ devices: { name: string; current: boolean }[] }>(
      await call("/api/auth/devices", { cookie: sessionCookie(res) }),
    );
    expect(devices.devices.map((d) => d.name).sort()).toEqual(["Chrome on Linux", "Phone"]);
    expect(devices.devices.find((d) => d.current)?.name).toBe("Phone");
  });

  it("refuses an assertion signed over the wrong challenge", async () => {
    const account = await signUp();
    const options = await json<Options>(await call("/api/auth/login/options", { json: {}, ip: account.ip }));
    const response = await account.passkey.assert(options.options, ORIGIN, {
      challenge: "AAAAAAAAAAAAAAAAAAAAAA",
    });
    const res = await call("/api/auth/login/verify", {
      json: { challengeId: options.challengeId, response },
      ip: account.ip,
    });
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("refuses an unknown passkey", async () => {
    const stranger = await SoftAuthenticator.create();
    const ip = freshIp();
    const options = await json<Options>(await call("/api/auth/login/options", { json: {}, ip }));
    const response = await stranger.assert(options.options, ORIGIN);
    const res = await call("/api/auth/login/verify", {
      json: { challengeId: options.challengeId, response },
      ip,
    });
    expect(res.status).toBe(401);
  });
});

describe("recovery code", () => {
  it("signs in once with the code, then hands out a new one", async () => {
    const account = await signUp();
    const first = await call("/api/auth/recover", {
      json: { username: account.username, code: account.recoveryCode.toLowerCase() },
      ip: account.ip,
    });
    expect(first.status).toBe(200);
    const body = await json<{ recoveryCode: string }>(first.clone());
    expect(body.recoveryCode).not.toBe(account.recoveryCode);
    expect((await call("/api/auth/me", { cookie: sessionCookie(first) })).status).toBe(200);

    const again = await call("/api/auth/recover", {
      json: { username: account.username, code: account.recoveryCode },
      ip: account.ip,
    });
    expect(again.status).toBe(401);
    const withNew = await call("/api/auth/recover", {
      json: { username: account.username, code: body.recoveryCode },
      ip: account.ip,
    });
    expect(withNew.status).toBe(200);
  });

  it("answers a wrong code and an unknown user the same way", async () => {
    const account = await signUp();
    const wrong = await call("/api/auth/recover", {
      json: { username: account.username, code: "00000-00000-00000-00000" },
      ip: account.ip,
    });
    const unknown = await call("/api/auth/recover", {
      json: { username: "nobody-here", code: "00000-00000-00000-00000" },
      ip: account.ip,
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });
});

describe("sessions and devices", () => {
  it("signs out: the cookie stops working", async () => {
    const account = await signUp();
    const out = await call("/api/auth/logout", { method: "POST", cookie: account.cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/spotter_session=;/);
    const me = await call("/api/auth/me", { cookie: account.cookie });
    expect(me.status).toBe(401);
    expect(await json(me)).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("revokes another device, which is signed out at once", async () => {
    const account = await signUp();
    const phone = sessionCookie(await signIn(account));
    const devices = await json<{ devices: { id: string; current: boolean }[] }>(
      await call("/api/auth/devices", { cookie: account.cookie }),
    );
    const other = devices.devices.find((d) => !d.current);
    expect(other).toBeDefined();
    const res = await call(`/api/auth/devices/${other?.id}`, { method: "DELETE", cookie: account.cookie });
    expect(res.status).toBe(200);
    expect((await call("/api/auth/me", { cookie: phone })).status).toBe(401);
    expect((await call("/api/auth/me", { cookie: account.cookie })).status).toBe(200);
  });

  it("answers without a session, a forged token or a bad device id with 4xx envelopes", async () => {
    expect((await call("/api/auth/me")).status).toBe(401);
    const forged = `spotter_session=${"A".repeat(43)}`;
    expect((await call("/api/auth/devices", { cookie: forged })).status).toBe(401);
    const account = await signUp();
    const bad = await call("/api/auth/devices/not-a-uuid", { method: "DELETE", cookie: account.cookie });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ error: { code: "validation_failed" } });
  });
});

describe("auth input and abuse", () => {
  it("refuses malformed JSON, wrong types and missing fields with 400", async () => {
    const ip = freshIp();
    const malformed = await call("/api/auth/register/options", { body: "{username:", ip });
    expect(malformed.status).toBe(400);
    expect(await json(malformed)).toMatchObject({ error: { code: "bad_request" } });
    const wrongType = await call("/api/auth/register/options", { json: { username: 42 }, ip });
    expect(wrongType.status).toBe(400);
    expect(await json(wrongType)).toMatchObject({ error: { code: "validation_failed" } });
    const missing = await call("/api/auth/recover", { json: { username: "someone" }, ip });
    expect(missing.status).toBe(400);
    const badName = await call("/api/auth/register/options", { json: { username: "a b" }, ip });
    expect(badName.status).toBe(400);
  });

  it("rate-limits one address on the auth endpoints with a 429 envelope", async () => {
    const ip = freshIp();
    await quotaWindowWithRoomFor(AUTH_LIMIT, 10_000);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await call("/api/auth/recover", {
        json: { username: "nobody", code: "00000-00000-00000-00000" },
        ip,
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(await json(res)).toMatchObject({ error: { code: "rate_limited" } });
        break;
      }
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBe(30);
    const elsewhere = await call("/api/auth/login/options", { json: {}, ip: freshIp() });
    expect(elsewhere.status).toBe(200);
  }, 30_000);

  it("refuses oversize auth bodies with 413", async () => {
    const res = await call("/api/auth/register/options", {
      body: JSON.stringify({ username: "big", pad: "x".repeat(70 * 1024) }),
      ip: freshIp(),
    });
    expect(res.status).toBe(413);
    expect(await json(res)).toMatchObject({ error: { code: "payload_too_large" } });
  });
});

describe("local rate limiter (used where the Rate Limiting binding is absent)", () => {
  it("allows the limit per window per key, then refuses until the window turns", () => {
    const limiter = new FixedWindowLimiter(3, 60_000);
    const hits = [0, 1, 2, 3, 4].map((i) => limiter.hit("a", 1000 + i));
    expect(hits).toEqual([true, true, true, false, false]);
    expect(limiter.hit("b", 1005)).toBe(true);
    expect(limiter.hit("a", 61_000)).toBe(true);
  });
});
