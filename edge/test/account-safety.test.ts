import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { WRITE_LIMIT } from "../auth/rate-limit";
import { scheduled } from "../observability/scheduled";
import { SoftAuthenticator } from "./authenticator";
import {
  ORIGIN,
  call,
  freshIp,
  json,
  quotaWindowWithRoomFor,
  sessionCookie,
  signUp,
  type Account,
} from "./helpers";

type LoginOptions = { challengeId: string; options: { challenge: string } };
type RegisterOptions = { challengeId: string; options: Parameters<SoftAuthenticator["register"]>[0] };

async function loginOptions(account: Account) {
  return json<LoginOptions>(
    await call("/api/auth/login/options", { json: { username: account.username }, ip: account.ip }),
  );
}

async function signIn(account: Account, overrides: { userVerified?: boolean } = {}) {
  const { challengeId, options } = await loginOptions(account);
  const response = await account.passkey.assert(options, ORIGIN, overrides);
  return call("/api/auth/login/verify", { json: { challengeId, response }, ip: account.ip });
}

async function registerOptions(username: string, ip: string, headers: Record<string, string> = {}) {
  return call("/api/auth/register/options", { json: { username }, ip, headers });
}

describe("one-time challenges", () => {
  it("let exactly one of two parallel sign-ins with the same assertion through", async () => {
    const account = await signUp("race");
    const { challengeId, options } = await loginOptions(account);
    const response = await account.passkey.assert(options, ORIGIN);
    const body = { json: { challengeId, response }, ip: account.ip };
    const results = await Promise.all([
      call("/api/auth/login/verify", body),
      call("/api/auth/login/verify", body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it("answer two parallel sign-ups with the same passkey without a server error", async () => {
    const ip = freshIp();
    const passkey = await SoftAuthenticator.create();
    const name = `twin-${Date.now().toString(36)}`;
    const [a, b] = await Promise.all(
      ["a", "b"].map(async (suffix) => json<RegisterOptions>(await registerOptions(`${name}-${suffix}`, ip))),
    );
    const sameChallenge = a ? await passkey.register(a.options, ORIGIN) : undefined;
    const verify = (challengeId: string | undefined, response: unknown) =>
      call("/api/auth/register/verify", { json: { challengeId, response }, ip });
    const replay = await Promise.all([
      verify(a?.challengeId, sameChallenge),
      verify(a?.challengeId, sameChallenge),
      verify(b?.challengeId, b ? await passkey.register(b.options, ORIGIN) : undefined),
    ]);
    const statuses = replay.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s < 500)).toBe(true);
    for (const res of replay.filter((r) => r.status !== 201)) {
      expect(await json(res)).toMatchObject({
        error: { code: expect.any(String), message: expect.any(String) },
      });
    }
  });

  it("are purged with expired sessions by the cron", async () => {
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO challenges (id, kind, payload, expires_at) VALUES (?, 'login', '{}', ?)",
      ).bind("old-challenge-0000000", now - 1),
      env.DB.prepare(
        "INSERT INTO challenges (id, kind, payload, expires_at) VALUES (?, 'login', '{}', ?)",
      ).bind("new-challenge-0000000", now + 60_000),
    ]);
    const account = await signUp("purge");
    await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE user_id = ?")
      .bind(now - 1, account.userId)
      .run();
    await scheduled(createScheduledController({ scheduledTime: now, cron: "* * * * *" }), env);
    const left = await env.DB.prepare(
      "SELECT id FROM challenges WHERE id LIKE '%-challenge-%' ORDER BY id",
    ).all();
    expect(left.results).toEqual([{ id: "new-challenge-0000000" }]);
    const sessions = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ?")
      .bind(account.userId)
      .first<{ n: number }>();
    expect(sessions?.n).toBe(0);
  });
});

describe("passkey policy", () => {
  it("requires user verification on sign-up and sign-in", async () => {
    const ip = freshIp();
    const options = await json<RegisterOptions>(await registerOptions(`nouv-${Date.now().toString(36)}`, ip));
    const passkey = await SoftAuthenticator.create();
    const unverified = await call("/api/auth/register/verify", {
      json: {
        challengeId: options.challengeId,
        response: await passkey.register(options.options, ORIGIN, { userVerified: false }),
      },
      ip,
    });
    expect(unverified.status).toBe(400);
    const account = await signUp("uv");
    expect((await signIn(account, { userVerified: false })).status).toBe(401);
    expect((await signIn(account)).status).toBe(200);
  });

  it("refuses passkey ceremonies from an origin that is not configured", async () => {
    const res = await registerOptions(`evil-${Date.now().toString(36)}`, freshIp(), {
      origin: "https://spotter.evil.example",
    });
    expect(res.status).toBe(403);
    expect(await json(res)).toMatchObject({ error: { code: "forbidden" } });
    const account = await signUp("origin");
    const { challengeId, options } = await loginOptions(account);
    const response = await account.passkey.assert(options, "http://localhost.evil.example");
    const verify = await call("/api/auth/login/verify", { json: { challengeId, response }, ip: account.ip });
    expect(verify.status).toBe(401);
  });
});

describe("the owner's controls", () => {
  it("revoking a device removes the passkey it signed in with", async () => {
    const account = await signUp("revoke");
    const phone = sessionCookie(await signIn(account));
    const { devices } = await json<{ devices: { id: string; current: boolean }[] }>(
      await call("/api/auth/devices", { cookie: account.cookie }),
    );
    const other = devices.find((d) => !d.current);
    const res = await call(`/api/auth/devices/${other?.id}`, { method: "DELETE", cookie: account.cookie });
    expect(await json(res)).toMatchObject({ removedPasskey: true });
    expect((await call("/api/auth/me", { cookie: phone })).status).toBe(401);
    expect((await signIn(account)).status).toBe(401);
    expect((await call("/api/auth/me", { cookie: account.cookie })).status).toBe(200);
  });

  it("rotates the recovery code: the old one stops working, the new one works", async () => {
    const account = await signUp("rotate");
    const res = await call("/api/auth/recovery-code", { method: "POST", cookie: account.cookie });
    const { recoveryCode } = await json<{ recoveryCode: string }>(res);
    expect(recoveryCode).not.toBe(account.recoveryCode);
    const recover = (code: string) =>
      call("/api/auth/recover", { json: { username: account.username, code }, ip: account.ip });
    expect((await recover(account.recoveryCode)).status).toBe(401);
    expect((await recover(recoveryCode)).status).toBe(200);
  });

  it("removes a passkey, ending the sessions it opened", async () => {
    const account = await signUp("remove");
    const { passkeys } = await json<{ passkeys: { id: string; signedInDevices: number }[] }>(
      await call("/api/auth/passkeys", { cookie: account.cookie }),
    );
    expect(passkeys).toEqual([{ id: account.passkey.id, createdAt: expect.any(Number), signedInDevices: 1 }]);
    const res = await call(`/api/auth/passkeys/${account.passkey.id}`, {
      method: "DELETE",
      cookie: account.cookie,
    });
    expect(await json(res)).toEqual({ removed: true, signedOutDevices: 1 });
    expect((await call("/api/auth/me", { cookie: account.cookie })).status).toBe(401);
    expect((await signIn(account)).status).toBe(401);
  });

  it("signs out every other session and keeps this one", async () => {
    const account = await signUp("others");
    const laptop = sessionCookie(await signIn(account));
    const tablet = sessionCookie(await signIn(account));
    const res = await call("/api/auth/sign-out-others", { method: "POST", cookie: account.cookie });
    expect(await json(res)).toEqual({ signedOutDevices: 2 });
    expect((await call("/api/auth/me", { cookie: laptop })).status).toBe(401);
    expect((await call("/api/auth/me", { cookie: tablet })).status).toBe(401);
    expect((await call("/api/auth/me", { cookie: account.cookie })).status).toBe(200);
  });

  it("cannot touch another user's passkey", async () => {
    const owner = await signUp("owner");
    const intruder = await signUp("intruder");
    const res = await call(`/api/auth/passkeys/${owner.passkey.id}`, {
      method: "DELETE",
      cookie: intruder.cookie,
    });
    expect(res.status).toBe(404);
    expect((await signIn(owner)).status).toBe(200);
  });
});

describe("write quota", () => {
  it("answers a 429 envelope with Retry-After once a user writes too often", async () => {
    const account = await signUp("quota");
    await quotaWindowWithRoomFor(WRITE_LIMIT, 15_000);
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let round = 0; round < 5 && !limited; round++) {
      const answers = await Promise.all(
        Array.from({ length: 30 }, () =>
          call("/api/auth/sign-out-others", { method: "POST", cookie: account.cookie }),
        ),
      );
      statuses.push(...answers.map((r) => r.status));
      limited = answers.find((r) => r.status === 429);
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(100);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(limited?.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await limited?.json()).toMatchObject({ error: { code: "rate_limited" } });
    // Reads are not writes: the account still answers.
    expect((await call("/api/auth/me", { cookie: account.cookie })).status).toBe(200);
  }, 90_000);
});
