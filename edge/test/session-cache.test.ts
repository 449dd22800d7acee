import { describe, expect, it } from "vitest";
import { SessionCache, sessionCache } from "../auth/session-cache";
import { call, clientId, json, profileRecord, sessionCookie, signIn, signUp, queriesOf } from "./helpers";

const identity = (userId: string, deviceId = `${userId}-device`) => ({
  userId,
  username: `name-${userId}`,
  userCreatedAt: 1,
  deviceId,
});

describe("SessionCache", () => {
  it("answers for the TTL, never past the session's own expiry", () => {
    const cache = new SessionCache(30_000, 100);
    cache.set("a", identity("u1"), 1_000, 1_000_000);
    cache.set("b", identity("u2"), 1_000, 5_000);
    expect(cache.get("a", 30_999)).toEqual(identity("u1"));
    expect(cache.get("a", 31_000)).toBeUndefined();
    expect(cache.get("b", 4_999)).toEqual(identity("u2"));
    expect(cache.get("b", 5_000)).toBeUndefined();
  });

  it("forgets every session of a user, and only theirs", () => {
    const cache = new SessionCache(30_000, 100);
    cache.set("phone", identity("u1", "phone"), 0, 1e12);
    cache.set("laptop", identity("u1", "laptop"), 0, 1e12);
    cache.set("other", identity("u2"), 0, 1e12);
    cache.forgetUser("u1");
    expect(cache.get("phone", 1)).toBeUndefined();
    expect(cache.get("laptop", 1)).toBeUndefined();
    expect(cache.get("other", 1)).toEqual(identity("u2"));
  });

  it("holds at most its bound, dropping the oldest first", () => {
    const cache = new SessionCache(30_000, 3);
    for (const key of ["a", "b", "c", "d"]) cache.set(key, identity(key), 0, 1e12);
    expect(cache.size).toBe(3);
    expect(cache.get("a", 1)).toBeUndefined();
    expect(cache.get("d", 1)).toEqual(identity("d"));
  });
});

describe("sessions answered from the isolate's memory", () => {
  it("look a device up in D1 once for requests close together", async () => {
    const account = await signUp("cached");
    sessionCache.clear();
    const first = await call("/api/auth/me", { cookie: account.cookie });
    const second = await call("/api/auth/me", { cookie: account.cookie });
    expect(queriesOf(first)).toBe(1);
    expect(queriesOf(second)).toBe(0);
    expect(await json(second)).toEqual(await json(first));
  });

  it("leave a push its own two round trips, read and write, each counted", async () => {
    const account = await signUp("cached-push");
    const push = () =>
      call("/api/sync/push", {
        cookie: account.cookie,
        json: {
          schemaVersion: 1,
          clientId: clientId(),
          mutations: [{ id: 1, entity: "profile", op: "put", key: "self", value: profileRecord(Date.now()) }],
        },
      });
    sessionCache.clear();
    const first = await push();
    const second = await push();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([queriesOf(first), queriesOf(second)]).toEqual([3, 2]);
  });

  it("end at once when the device is revoked, even if it was just used", async () => {
    const account = await signUp("cached-revoke");
    const phone = sessionCookie(await signIn(account));
    expect((await call("/api/auth/me", { cookie: phone })).status).toBe(200);
    const { devices } = await json<{ devices: { id: string; current: boolean }[] }>(
      await call("/api/auth/devices", { cookie: account.cookie }),
    );
    const other = devices.find((d) => !d.current);
    const res = await call(`/api/auth/devices/${other?.id}`, { method: "DELETE", cookie: account.cookie });
    expect(res.status).toBe(200);
    expect((await call("/api/sync/pull", { cookie: phone })).status).toBe(401);
    expect((await call("/api/auth/me", { cookie: account.cookie })).status).toBe(200);
  });

  it("end at once for every other device signed out, even ones just used", async () => {
    const account = await signUp("cached-others");
    const laptop = sessionCookie(await signIn(account));
    expect((await call("/api/sync/pull", { cookie: laptop })).status).toBe(200);
    const res = await call("/api/auth/sign-out-others", { method: "POST", cookie: account.cookie });
    expect(await json(res)).toEqual({ signedOutDevices: 1 });
    expect((await call("/api/sync/pull", { cookie: laptop })).status).toBe(401);
    expect((await call("/api/sync/pull", { cookie: account.cookie })).status).toBe(200);
  });

  it("end at once when the account is deleted", async () => {
    const account = await signUp("cached-delete");
    const phone = sessionCookie(await signIn(account));
    expect((await call("/api/auth/me", { cookie: phone })).status).toBe(200);
    const res = await call("/api/account", {
      method: "DELETE",
      cookie: account.cookie,
      json: { confirm: account.username },
    });
    expect(res.status).toBe(200);
    expect((await call("/api/auth/me", { cookie: phone })).status).toBe(401);
  });
});
