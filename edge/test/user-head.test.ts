import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { UserHead, userHead } from "../data/user-head";
import { call, json, profileRecord, queriesOf, sessionCookie, signIn, signUp, tokenHashOf } from "./helpers";

interface Page {
  changes: { entity: string; key: string }[];
  cursor: string;
}

/** The device id behind a session cookie, as D1 holds it. */
async function deviceOf(cookie: string): Promise<string> {
  const row = await env.DB.prepare("SELECT id FROM sessions WHERE token_hash = ?")
    .bind(await tokenHashOf(cookie))
    .first<{ id: string }>();
  if (!row) throw new Error("no such session");
  return row.id;
}

describe("the user's head object", () => {
  it("refuses a session this isolate still remembers once another isolate has ended it", async () => {
    const account = await signUp("head-revoke");
    const phone = sessionCookie(await signIn(account));
    expect((await call("/api/sync/pull", { cookie: phone })).status).toBe(200);
    // Another isolate revokes the phone: D1 first, then the head; this isolate's cache is untouched.
    const device = await deviceOf(phone);
    await env.DB.prepare("DELETE FROM sessions WHERE id = ?").bind(device).run();
    await userHead(env, account.userId).sessionsEnded([device]);

    for (const path of ["/api/sync/pull", "/api/auth/me", "/api/profile"]) {
      const res = await call(path, { cookie: phone });
      expect(res.status, path).toBe(401);
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe("unauthorized");
    }
    expect((await call("/api/auth/me", { cookie: account.cookie })).status).toBe(200);
  });

  it("still refuses ended sessions after it restarts", async () => {
    const stub = userHead(env, "head-restart-user");
    await stub.sessionsEnded(["lost-phone"]);
    await stub.accountDeleted();
    const other = userHead(env, "head-restart-other");
    await other.sessionsEnded(["old-laptop"]);
    await runInDurableObject(stub, (_instance, state) => {
      const restarted = new UserHead(state, env);
      expect(restarted.check("lost-phone").live).toBe(false);
      expect(restarted.check("any-device").live).toBe(false);
    });
    await runInDurableObject(other, (_instance, state) => {
      const restarted = new UserHead(state, env);
      expect(restarted.check("old-laptop").live).toBe(false);
      expect(restarted.check("new-phone").live).toBe(true);
    });
  });

  it("keeps what it knows of the records across a restart, and ignores reads begun before it", async () => {
    const stub = userHead(env, "head-restart-records");
    await stub.recordsRead((await stub.check("d")).generation, 9);
    await runInDurableObject(stub, (_instance, state) => {
      const restarted = new UserHead(state, env);
      expect(restarted.check("d").recordsVersion).toBe(9);
    });
    const before = await stub.check("d");
    await stub.recordsChanged();
    await runInDurableObject(stub, (_instance, state) => {
      const restarted = new UserHead(state, env);
      expect(restarted.check("d").recordsVersion).toBeNull();
      restarted.recordsRead(before.generation, 9);
      expect(restarted.check("d").recordsVersion).toBeNull();
    });
  });

  it("ignores a newest version read from before a write it has been told of", async () => {
    const stub = userHead(env, "head-generation");
    const before = await stub.check("d");
    await stub.recordsChanged();
    await stub.recordsRead(before.generation, 5);
    expect((await stub.check("d")).recordsVersion).toBeNull();
    const after = await stub.check("d");
    await stub.recordsRead(after.generation, 7);
    expect((await stub.check("d")).recordsVersion).toBe(7);
  });

  it("forgets the newest version when the profile is saved: the next pull brings the profile", async () => {
    const account = await signUp("head-profile");
    const first = await json<Page>(await call("/api/sync/pull", { cookie: account.cookie }));
    const since = `/api/sync/pull?cursor=${encodeURIComponent(first.cursor)}`;
    // The second pull reads D1's primary and tells the head; the third needs no query.
    expect(queriesOf(await call(since, { cookie: account.cookie }))).toBe(1);
    expect(queriesOf(await call(since, { cookie: account.cookie }))).toBe(0);
    const saved = await call("/api/profile", {
      method: "PUT",
      cookie: account.cookie,
      json: profileRecord(Date.now()),
    });
    expect(saved.status).toBe(200);
    const next = await json<Page>(await call(since, { cookie: account.cookie }));
    expect(next.changes.map((c) => c.entity)).toEqual(["profile"]);
  });
});
