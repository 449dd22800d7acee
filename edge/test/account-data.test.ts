import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sessionCache } from "../auth/session-cache";
import { call, clientId, json, signUp, uuid7, type Account, squatSet } from "./helpers";

const T0 = 1_760_000_000_000;

type Change = { entity: string; key: string; value: unknown };

async function seed(account: Account) {
  const [w, s, m, gone] = [uuid7(), uuid7(), uuid7(), uuid7()];
  const workout = { id: w, startedAt: T0, name: "Legs — ünïcode ✓", updatedAt: T0 };
  const set = squatSet(s, w, T0);
  const profile = {
    id: "self",
    units: "kg",
    heightCm: 180,
    weightKg: 80,
    birthYear: 1990,
    sex: "male",
    goal: "strength",
    experience: "beginner",
    equipment: [],
    trainingDays: 3,
    updatedAt: T0,
  };
  const res = await call("/api/sync/push", {
    cookie: account.cookie,
    json: {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [
        { id: 1, entity: "workout", op: "put", key: w, value: workout },
        { id: 2, entity: "set", op: "put", key: s, value: set },
        {
          id: 3,
          entity: "measurement",
          op: "put",
          key: m,
          value: { id: m, measuredAt: T0, weightKg: 80, updatedAt: T0 },
        },
        {
          id: 4,
          entity: "measurement",
          op: "put",
          key: gone,
          value: { id: gone, measuredAt: T0, weightKg: 81, updatedAt: T0 },
        },
        { id: 5, entity: "measurement", op: "delete", key: gone },
        { id: 6, entity: "profile", op: "put", key: "self", value: profile },
      ],
    },
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Every live record of the account, as a full sync pull sees it. */
async function liveRecords(account: Account): Promise<Change[]> {
  const pull = await json<{ changes: Change[] }>(
    await call("/api/sync/pull?limit=500", { cookie: account.cookie }),
  );
  return pull.changes
    .filter((c) => c.value !== null)
    .map(({ entity, key, value }) => ({ entity, key, value }));
}

const byKey = (a: Change, b: Change) => `${a.entity}/${a.key}`.localeCompare(`${b.entity}/${b.key}`);

describe("GET /api/account/export", () => {
  it("holds every live record the server has, the account and its devices, as a download", async () => {
    const account = await signUp("export");
    await seed(account);
    const res = await call("/api/account/export", { cookie: account.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="spotter-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const body = await json<{
      format: string;
      account: { username: string };
      devices: { name: string }[];
      passkeys: unknown[];
      records: Change[];
    }>(res);
    expect(body.format).toBe("spotter-account-export");
    expect(body.account.username).toBe(account.username);
    expect(body.devices).toEqual([expect.objectContaining({ name: "Chrome on Linux" })]);
    expect(body.passkeys).toHaveLength(1);
    expect(body.records.map((r) => r.entity).sort()).toEqual(["measurement", "profile", "set", "workout"]);
    expect([...body.records].sort(byKey)).toEqual((await liveRecords(account)).sort(byKey));
    expect(JSON.stringify(body)).not.toContain(account.userId);
  });

  it("needs a session", async () => {
    const res = await call("/api/account/export");
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ error: { code: "unauthorized" } });
  });
});

describe("DELETE /api/account", () => {
  it("refuses without the username typed back", async () => {
    const account = await signUp("keep");
    for (const body of [{}, { confirm: "someone-else" }, { confirm: account.username, extra: 1 }]) {
      const res = await call("/api/account", { method: "DELETE", cookie: account.cookie, json: body });
      expect(res.status).toBe(400);
    }
    expect((await call("/api/auth/me", { cookie: account.cookie })).status).toBe(200);
  });

  it("removes every row and cached snapshot of the account, and the name can be taken again", async () => {
    const account = await signUp("leave");
    await seed(account);
    sessionCache.clear(); // a fresh isolate's read: the session's lookup brings the snapshot's key
    expect((await call("/api/profile", { cookie: account.cookie })).status).toBe(200);
    const snapshots = () => env.CACHE.list({ prefix: `profile:${account.userId}:` });
    await expect.poll(async () => (await snapshots()).keys.length).toBe(1);
    const res = await call("/api/account", {
      method: "DELETE",
      cookie: account.cookie,
      json: { confirm: account.username },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/spotter_session=;/);
    expect((await call("/api/auth/me", { cookie: account.cookie })).status).toBe(401);
    for (const [table, column] of [
      ["users", "id"],
      ["credentials", "user_id"],
      ["sessions", "user_id"],
      ["records", "user_id"],
      ["sync_clients", "user_id"],
    ] as const) {
      const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`)
        .bind(account.userId)
        .first<{ n: number }>();
      expect(row?.n, table).toBe(0);
    }
    await expect.poll(async () => (await snapshots()).keys.length).toBe(0);
    const again = await call("/api/auth/register/options", {
      json: { username: account.username },
      ip: account.ip,
    });
    expect(again.status).toBe(200);
  });
});
