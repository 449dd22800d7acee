import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../shared/sync/cursor";
import { HeadShard, headShard, shardOf, userHead } from "../data/user-head";
import {
  call,
  clientId,
  json,
  profileRecord,
  queriesOf,
  sessionCookie,
  signIn,
  signUp,
  tokenHashOf,
  uuid7,
  type Account,
} from "./helpers";

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

/** Pushes a new workout from the account's own session; returns its id. */
async function pushWorkout(account: Account): Promise<string> {
  const id = uuid7();
  const at = Date.now();
  const res = await call("/api/sync/push", {
    method: "POST",
    cookie: account.cookie,
    json: {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [
        { id: 1, entity: "workout", op: "put", key: id, value: { id, startedAt: at, updatedAt: at } },
      ],
    },
  });
  expect(res.status).toBe(200);
  return id;
}

/** The user's newest record version, as D1 holds it. */
async function newestOf(userId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT max(version) AS v FROM records WHERE user_id = ?")
    .bind(userId)
    .first<{ v: number }>();
  return row?.v ?? 0;
}

/** Two user ids, `a` and one made from `b`, that fall in the same shard. */
function sameShard(a: string, b: string): [string, string] {
  for (let i = 0; ; i++) if (shardOf(`${b}-${i}`) === shardOf(a)) return [a, `${b}-${i}`];
}

describe("the user's head", () => {
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
    await userHead(env, "head-restart-user").sessionsEnded(["lost-phone"]);
    await userHead(env, "head-restart-user").accountDeleted();
    await userHead(env, "head-restart-other").sessionsEnded(["old-laptop"]);
    await runInDurableObject(headShard(env, "head-restart-user"), (_instance, state) => {
      const restarted = new HeadShard(state, env);
      expect(restarted.check("head-restart-user", "lost-phone").live).toBe(false);
      expect(restarted.check("head-restart-user", "any-device").live).toBe(false);
    });
    await runInDurableObject(headShard(env, "head-restart-other"), (_instance, state) => {
      const restarted = new HeadShard(state, env);
      expect(restarted.check("head-restart-other", "old-laptop").live).toBe(false);
      expect(restarted.check("head-restart-other", "new-phone").live).toBe(true);
    });
  });

  it("keeps each user of a shard apart: one's ended sessions and records are not another's", async () => {
    const [alice, bob] = sameShard("head-shard-alice", "head-shard-bob");
    await userHead(env, alice).sessionsEnded(["shared-name"]);
    await userHead(env, alice).recordsWritten(40);
    await userHead(env, bob).accountDeleted();
    // As it runs, and (its sessions) as it starts again from storage.
    await runInDurableObject(headShard(env, alice), (instance, state) => {
      expect(instance.check(alice, "phone").recordsVersion).toBe(40);
      expect(instance.check(bob, "phone").recordsVersion).toBeNull();
      for (const head of [instance, new HeadShard(state, env)]) {
        expect(head.check(alice, "shared-name").live).toBe(false);
        expect(head.check(alice, "phone").live).toBe(true);
        expect(head.check(bob, "phone").live).toBe(false);
      }
    });
  });

  it("forgets the newest version when it restarts, and ignores reads begun before", async () => {
    const user = "head-restart-records";
    const stub = userHead(env, user);
    const before = await stub.check("d");
    await stub.recordsRead(before.generation, 9);
    expect((await stub.check("d")).recordsVersion).toBe(9);
    await runInDurableObject(headShard(env, user), (_instance, state) => {
      const restarted = new HeadShard(state, env);
      expect(restarted.check(user, "d").recordsVersion).toBeNull();
      restarted.recordsRead(user, before.generation, 9);
      expect(restarted.check(user, "d").recordsVersion).toBeNull();
    });
  });

  it("after a restart, the next pull reads D1 and finds what was pushed before it", async () => {
    const account = await signUp("head-restart-pull");
    const phone = sessionCookie(await signIn(account));
    const start = await json<Page>(await call("/api/sync/pull", { cookie: phone }));
    const id = await pushWorkout(account);
    // The shard starts again (its memory gone), as after an eviction or a crash.
    await runInDurableObject(headShard(env, account.userId), (instance) => {
      (instance as unknown as { users: Map<string, unknown> }).users.clear();
    });
    const res = await call(`/api/sync/pull?cursor=${encodeURIComponent(start.cursor)}`, { cookie: phone });
    expect(queriesOf(res)).toBe(1);
    expect((await json<Page>(res)).changes.map((c) => c.key)).toEqual([id]);
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

  it("learns the newest version from a push: a pull at it needs no query, one behind it brings the push", async () => {
    const account = await signUp("head-push");
    const phone = sessionCookie(await signIn(account));
    const start = await json<Page>(await call("/api/sync/pull", { cookie: phone }));
    const pullFrom = (cursor: string) =>
      call(`/api/sync/pull?cursor=${encodeURIComponent(cursor)}`, { cookie: phone });

    const first = await pushWorkout(account);
    const afterFirst = encodeCursor(await newestOf(account.userId));
    const atNewest = await pullFrom(afterFirst);
    expect(queriesOf(atNewest)).toBe(0);
    expect((await json<Page>(atNewest)).changes).toEqual([]);
    const behind = await json<Page>(await pullFrom(start.cursor));
    expect(behind.changes.map((c) => c.key)).toEqual([first]);

    // A second push moves it on: the phone at the first push's version is told of the second.
    const second = await pushWorkout(account);
    const next = await json<Page>(await pullFrom(afterFirst));
    expect(next.changes.map((c) => c.key)).toEqual([second]);
  });

  it("is told again by a push sent again after its notice was lost: the other device gets the workout", async () => {
    const account = await signUp("head-replay");
    const phone = sessionCookie(await signIn(account));
    // The phone's session is cached here from now on: its pulls ask the head.
    expect((await call("/api/sync/pull", { cookie: phone })).status).toBe(200);
    await pushWorkout(account);
    const before = await newestOf(account.userId);
    const laptop = clientId();
    const id = uuid7();
    const at = Date.now();
    const body = {
      schemaVersion: 1,
      clientId: laptop,
      mutations: [
        { id: 1, entity: "workout", op: "put", key: id, value: { id, startedAt: at, updatedAt: at } },
      ],
    };
    const send = () => call("/api/sync/push", { method: "POST", cookie: account.cookie, json: body });
    expect((await send()).status).toBe(200);
    // The first try's notice lost: the head still holds the version from before it.
    await runInDurableObject(headShard(env, account.userId), (instance) => {
      const users = (instance as unknown as { users: Map<string, { records: object }> }).users;
      const user = users.get(account.userId);
      if (!user) throw new Error("the head does not hold this user");
      user.records = { version: before, untilMs: Date.now() + 60_000 };
    });
    const replay = await send();
    expect((await json<{ skipped: number[] }>(replay)).skipped).toEqual([1]);
    const page = await json<Page>(
      await call(`/api/sync/pull?cursor=${encodeURIComponent(encodeCursor(before))}`, { cookie: phone }),
    );
    expect(page.changes.map((c) => c.key)).toEqual([id]);
  });

  it("keeps the larger of two pushes' newest versions, whichever it hears of last", async () => {
    const user = "head-push-order";
    const stub = userHead(env, user);
    const before = await stub.check("d");
    await stub.recordsWritten(12);
    await stub.recordsWritten(10);
    expect((await stub.check("d")).recordsVersion).toBe(12);
    // A read begun before those writes cannot set it back.
    await stub.recordsRead(before.generation, 3);
    expect((await stub.check("d")).recordsVersion).toBe(12);
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
