import { describe, expect, it } from "vitest";
import { sessionCache } from "../auth/session-cache";
import { call, clientId, json, signUp, uuid7, type Account, profileRecord } from "./helpers";

const T0 = 1_760_000_000_000;
const profile = profileRecord(T0);

const set = (id: string, workoutId: string, order: number) => ({
  id,
  workoutId,
  exerciseId: "Barbell_Full_Squat",
  order,
  performedAt: T0 + order,
  reps: 5,
  weightKg: 100,
  rpe: 8,
  restMs: 90_000,
  source: "manual",
  repForm: [],
  updatedAt: T0,
});

const cacheOf = (res: Response) => /cache;desc=(hit|miss)/.exec(res.headers.get("server-timing") ?? "")?.[1];

describe("/api/profile", () => {
  it("is empty at first, then returns what was saved, from the KV snapshot on the second read", async () => {
    const a = await signUp();
    expect(await json(await call("/api/profile", { cookie: a.cookie }))).toEqual({ profile: null });
    const put = await call("/api/profile", { method: "PUT", json: profile, cookie: a.cookie });
    expect(put.status).toBe(200);
    // As on an isolate that has not seen this session yet: the session's D1 lookup brings the
    // profile's version, and with it the KV snapshot's key.
    sessionCache.clear();
    const first = await call("/api/profile", { cookie: a.cookie });
    expect(cacheOf(first)).toBe("miss");
    expect(await json(first)).toEqual({ profile });
    sessionCache.clear();
    const second = await call("/api/profile", { cookie: a.cookie });
    expect(cacheOf(second)).toBe("hit");
    expect(await json(second)).toEqual({ profile });
  });

  it("shows a change at once: a new version is a new cache key", async () => {
    const a = await signUp();
    await call("/api/profile", { method: "PUT", json: profile, cookie: a.cookie });
    await call("/api/profile", { cookie: a.cookie });
    await call("/api/sync/push", {
      cookie: a.cookie,
      json: {
        schemaVersion: 1,
        clientId: clientId(),
        mutations: [
          { id: 1, entity: "profile", op: "put", key: "self", value: { units: "lb" }, fields: ["units"] },
        ],
      },
    });
    const res = await call("/api/profile", { cookie: a.cookie });
    expect(cacheOf(res)).toBe("miss");
    expect(await json(res)).toEqual({ profile: { ...profile, units: "lb" } });
  });

  it("refuses bad profiles and oversize bodies", async () => {
    const a = await signUp();
    const put = (body: unknown) => call("/api/profile", { method: "PUT", json: body, cookie: a.cookie });
    expect((await put({ ...profile, units: "stone" })).status).toBe(400);
    expect((await put({ ...profile, trainingDays: 9 })).status).toBe(400);
    const { heightCm: _, ...missing } = profile;
    expect((await put(missing)).status).toBe(400);
    const big = await call("/api/profile", {
      method: "PUT",
      body: JSON.stringify({ ...profile, pad: "x".repeat(20_000) }),
      cookie: a.cookie,
    });
    expect(big.status).toBe(413);
    expect((await call("/api/profile")).status).toBe(401);
  });
});

async function seedWorkouts(a: Account, count: number, setsEach: number) {
  const ids: string[] = [];
  const mutations: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const w = uuid7();
    ids.push(w);
    mutations.push({
      id: mutations.length + 1,
      entity: "workout",
      op: "put",
      key: w,
      value: { id: w, startedAt: T0 + i * 86_400_000, name: `Day ${i}`, updatedAt: T0 },
    });
    for (let s = setsEach - 1; s >= 0; s--) {
      const sid = uuid7();
      mutations.push({ id: mutations.length + 1, entity: "set", op: "put", key: sid, value: set(sid, w, s) });
    }
  }
  const res = await call("/api/sync/push", {
    cookie: a.cookie,
    json: { schemaVersion: 1, clientId: clientId(), mutations },
  });
  expect(res.status).toBe(200);
  return ids;
}

describe("/api/workouts", () => {
  it("pages newest first with each workout's sets in order", async () => {
    const a = await signUp();
    const ids = await seedWorkouts(a, 5, 3);
    type Page = {
      workouts: { id: string; sets: { order: number; workoutId: string }[] }[];
      cursor: string | null;
    };
    const first = await json<Page>(await call("/api/workouts?limit=2", { cookie: a.cookie }));
    expect(first.workouts.map((w) => w.id)).toEqual([ids[4], ids[3]]);
    expect(first.workouts[0]?.sets.map((s) => s.order)).toEqual([0, 1, 2]);
    expect(first.workouts[0]?.sets.every((s) => s.workoutId === ids[4])).toBe(true);
    const seen = [...first.workouts.map((w) => w.id)];
    let cursor = first.cursor;
    while (cursor) {
      const page = await json<Page>(
        await call(`/api/workouts?limit=2&cursor=${cursor}`, { cookie: a.cookie }),
      );
      seen.push(...page.workouts.map((w) => w.id));
      cursor = page.cursor;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it("selects fields with fields=, and leaves out deleted workouts and sets", async () => {
    const a = await signUp();
    const [w0, w1] = await seedWorkouts(a, 2, 1);
    await call("/api/sync/push", {
      cookie: a.cookie,
      json: {
        schemaVersion: 1,
        clientId: clientId(),
        mutations: [{ id: 1, entity: "workout", op: "delete", key: w0 }],
      },
    });
    const res = await json<{ workouts: Record<string, unknown>[] }>(
      await call("/api/workouts?fields=id,name", { cookie: a.cookie }),
    );
    expect(res.workouts).toEqual([{ id: w1, name: "Day 1" }]);
  });

  it("refuses unknown fields, bad limits and bad cursors", async () => {
    const a = await signUp();
    for (const query of ["fields=id,password", "limit=0", "limit=101", "cursor=nope"]) {
      const res = await call(`/api/workouts?${query}`, { cookie: a.cookie });
      expect(res.status).toBe(400);
      expect(await json(res)).toHaveProperty("error.code");
    }
    expect((await call("/api/workouts")).status).toBe(401);
  });
});

describe("hot endpoints", () => {
  const queries = (res: Response) =>
    Number(/desc="(\d+) queries"/.exec(res.headers.get("server-timing") ?? "")?.[1]);

  it("take at most 2 D1 round trips each", async () => {
    const a = await signUp();
    const ids = await seedWorkouts(a, 3, 2);
    expect(ids).toHaveLength(3);
    const pushed = await call("/api/sync/push", {
      cookie: a.cookie,
      json: {
        schemaVersion: 1,
        clientId: clientId(),
        mutations: [{ id: 1, entity: "workout", op: "delete", key: ids[0] }],
      },
    });
    await call("/api/profile", { method: "PUT", json: profile, cookie: a.cookie });
    const reads = [
      pushed,
      await call("/api/sync/pull", { cookie: a.cookie }),
      await call("/api/workouts", { cookie: a.cookie }),
      await call("/api/profile", { cookie: a.cookie }),
      await call("/api/profile", { cookie: a.cookie }),
    ];
    for (const res of reads) {
      expect(res.status).toBe(200);
      expect(queries(res)).toBeLessThanOrEqual(2);
    }
  });
});
