import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { validatePush } from "../../shared/sync/push";
import { writeStatements } from "../data/records";
import { call, clientId, json, signUp, uuid7, type Account } from "./helpers";

const T0 = 1_760_000_000_000;
const workout = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  startedAt: T0,
  updatedAt: T0,
  ...extra,
});

interface Change {
  entity: string;
  key: string;
  value: Record<string, unknown> | null;
  version: number;
}
interface PullBody {
  changes: Change[];
  cursor: string;
  hasMore: boolean;
}

const push = (account: Account, body: unknown) =>
  call("/api/sync/push", { json: body, cookie: account.cookie });

async function pullAll(account: Account, limit = 500): Promise<Change[]> {
  const changes: Change[] = [];
  let cursor = "";
  for (;;) {
    const res = await call(`/api/sync/pull?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, {
      cookie: account.cookie,
    });
    expect(res.status).toBe(200);
    const page = await json<PullBody>(res);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return changes;
  }
}

/** The user's current state: latest value per (entity, key). */
async function state(account: Account) {
  const latest = new Map<string, Record<string, unknown> | null>();
  for (const c of await pullAll(account)) latest.set(`${c.entity}/${c.key}`, c.value);
  return Object.fromEntries(latest);
}

describe("push and pull", () => {
  it("stores puts and shows them back in server order with a cursor", async () => {
    const a = await signUp();
    const [w1, w2] = [uuid7(), uuid7()];
    const res = await push(a, {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [
        { id: 1, entity: "workout", op: "put", key: w1, value: workout(w1, { name: "Legs" }) },
        { id: 2, entity: "workout", op: "put", key: w2, value: workout(w2) },
      ],
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ lastMutationId: 2, ignored: [], skipped: [] });

    const first = await json<PullBody>(await call("/api/sync/pull?limit=1", { cookie: a.cookie }));
    expect(first.changes).toHaveLength(1);
    expect(first.hasMore).toBe(true);
    expect(first.changes[0]).toMatchObject({ entity: "workout", key: w1, value: { name: "Legs" } });
    const second = await json<PullBody>(
      await call(`/api/sync/pull?limit=1&cursor=${first.cursor}`, { cookie: a.cookie }),
    );
    expect(second.changes[0]?.key).toBe(w2);
    expect(second.changes[0]?.version).toBeGreaterThan(first.changes[0]?.version ?? Infinity);
    const end = await json<PullBody>(
      await call(`/api/sync/pull?cursor=${second.cursor}`, { cookie: a.cookie }),
    );
    expect(end).toEqual({ changes: [], cursor: second.cursor, hasMore: false });
  });

  it("applies a partial put to the named fields only, later writes winning per field", async () => {
    const a = await signUp();
    const w = uuid7();
    const cid = clientId();
    await push(a, {
      schemaVersion: 1,
      clientId: cid,
      mutations: [
        { id: 1, entity: "workout", op: "put", key: w, value: workout(w, { name: "A", notes: "n" }) },
      ],
    });
    // Two devices edit different fields; a third edit to the same field comes later and wins.
    await push(a, {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [
        { id: 1, entity: "workout", op: "put", key: w, value: { name: "B", notes: "x" }, fields: ["name"] },
      ],
    });
    await push(a, {
      schemaVersion: 1,
      clientId: cid,
      mutations: [{ id: 2, entity: "workout", op: "put", key: w, value: {}, fields: ["notes"] }],
    });
    await push(a, {
      schemaVersion: 1,
      clientId: cid,
      mutations: [{ id: 3, entity: "workout", op: "put", key: w, value: { name: "C" }, fields: ["name"] }],
    });
    expect((await state(a))[`workout/${w}`]).toEqual(workout(w, { name: "C" }));
  });

  it("keeps deletes as tombstones and ignores partial puts on them", async () => {
    const a = await signUp();
    const w = uuid7();
    const res = await push(a, {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [
        { id: 1, entity: "workout", op: "put", key: w, value: workout(w) },
        { id: 2, entity: "workout", op: "delete", key: w },
        { id: 3, entity: "workout", op: "put", key: w, value: { name: "ghost" }, fields: ["name"] },
      ],
    });
    expect(await json(res)).toEqual({ lastMutationId: 3, ignored: [3], skipped: [] });
    const changes = await pullAll(a);
    expect(changes).toEqual([expect.objectContaining({ entity: "workout", key: w, value: null })]);
  });

  it("lets a device read its own writes through the D1 bookmark", async () => {
    const a = await signUp();
    const w = uuid7();
    const res = await push(a, {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [{ id: 1, entity: "workout", op: "put", key: w, value: workout(w) }],
    });
    const bookmark = res.headers.get("x-d1-bookmark");
    expect(bookmark).toBeTruthy();
    const pulled = await call("/api/sync/pull", {
      cookie: a.cookie,
      headers: { "x-d1-bookmark": bookmark ?? "" },
    });
    expect((await json<PullBody>(pulled)).changes.map((c) => c.key)).toEqual([w]);
    const junk = await call("/api/sync/pull", {
      cookie: a.cookie,
      headers: { "x-d1-bookmark": "'; DROP TABLE" },
    });
    expect(junk.status).toBe(200);
  });
});

describe("deletes", () => {
  const set = (id: string, workoutId: string) => ({
    id,
    workoutId,
    exerciseId: "squat",
    order: 0,
    performedAt: T0,
    reps: 5,
    weightKg: 60,
    rpe: null,
    restMs: null,
    source: "manual",
    repForm: [],
    updatedAt: T0,
  });

  it("deletes a workout's sets with it and tombstones a set written under it later, so no set outlives its workout", async () => {
    const a = await signUp();
    const [w, s1, s2] = [uuid7(), uuid7(), uuid7()];
    await push(a, {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [
        { id: 1, entity: "workout", op: "put", key: w, value: workout(w) },
        { id: 2, entity: "set", op: "put", key: s1, value: set(s1, w) },
        { id: 3, entity: "workout", op: "delete", key: w },
      ],
    });
    expect(await state(a)).toEqual({ [`workout/${w}`]: null, [`set/${s1}`]: null });
    // Another device, offline while that happened, adds a set and edits one under the workout.
    const late = await push(a, {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [
        { id: 1, entity: "set", op: "put", key: s2, value: set(s2, w) },
        { id: 2, entity: "set", op: "put", key: s1, value: { reps: 9 }, fields: ["reps"] },
      ],
    });
    expect(await json(late)).toEqual({ lastMutationId: 2, ignored: [1, 2], skipped: [] });
    // The new set is a tombstone at once: the device that made it drops it at its next pull.
    expect(await state(a)).toEqual({ [`workout/${w}`]: null, [`set/${s1}`]: null, [`set/${s2}`]: null });
    const counted = await env.DB.prepare(
      "SELECT count(*) AS n FROM records WHERE user_id = ? AND entity = 'set' AND value IS NOT NULL",
    )
      .bind(a.userId)
      .first<{ n: number }>();
    expect(counted?.n).toBe(0);
  });
});

describe("idempotence and atomicity", () => {
  it("leaves the same state when a push is replayed three times", async () => {
    const a = await signUp();
    const [w, s] = [uuid7(), uuid7()];
    const body = {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [
        { id: 1, entity: "workout", op: "put", key: w, value: workout(w) },
        {
          id: 2,
          entity: "set",
          op: "put",
          key: s,
          value: {
            id: s,
            workoutId: w,
            exerciseId: "squat",
            order: 0,
            performedAt: T0,
            reps: 5,
            weightKg: 60,
            rpe: null,
            restMs: null,
            source: "camera",
            repForm: [{ score: 90, faults: [] }],
            updatedAt: T0,
          },
        },
        { id: 3, entity: "workout", op: "put", key: w, value: { notes: "once" }, fields: ["notes"] },
      ],
    };
    expect(await json(await push(a, body))).toEqual({ lastMutationId: 3, ignored: [], skipped: [] });
    // Another device renames the workout after the first push: a replay must not undo that.
    await push(a, {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [
        { id: 1, entity: "workout", op: "put", key: w, value: { name: "renamed" }, fields: ["name"] },
      ],
    });
    const before = await pullAll(a);
    for (let i = 0; i < 3; i++) {
      // A replay is said to be one: the server names the ids it had already applied.
      expect(await json(await push(a, body))).toEqual({ lastMutationId: 3, ignored: [], skipped: [1, 2, 3] });
    }
    const after = await pullAll(a);
    expect(after).toEqual(before);
    expect(after).toHaveLength(2);
    expect(after.find((c) => c.key === w)?.value).toEqual(workout(w, { notes: "once", name: "renamed" }));
  });

  it("skips mutations at or below the last applied id but applies newer ones in the same push", async () => {
    const a = await signUp();
    const [w1, w2] = [uuid7(), uuid7()];
    const cid = clientId();
    await push(a, {
      schemaVersion: 1,
      clientId: cid,
      mutations: [{ id: 5, entity: "workout", op: "put", key: w1, value: workout(w1, { name: "first" }) }],
    });
    const res = await push(a, {
      schemaVersion: 1,
      clientId: cid,
      mutations: [
        { id: 5, entity: "workout", op: "put", key: w1, value: workout(w1, { name: "replayed" }) },
        { id: 6, entity: "workout", op: "put", key: w2, value: workout(w2) },
      ],
    });
    expect(await json(res)).toEqual({ lastMutationId: 6, ignored: [], skipped: [5] });
    const now = await state(a);
    expect(now[`workout/${w1}`]).toMatchObject({ name: "first" });
    expect(now[`workout/${w2}`]).toBeTruthy();
  });

  it("names new changes whose ids are at or below the client's mark instead of acknowledging them", async () => {
    const a = await signUp();
    const [w1, w2] = [uuid7(), uuid7()];
    const cid = clientId();
    await push(a, {
      schemaVersion: 1,
      clientId: cid,
      mutations: [{ id: 7, entity: "workout", op: "put", key: w1, value: workout(w1) }],
    });
    // The device's outbox ids restarted: a new change arrives as id 2 under the same client id.
    const fresh = { id: 2, entity: "workout", op: "put", key: w2, value: workout(w2, { name: "new" }) };
    const res = await push(a, { schemaVersion: 1, clientId: cid, mutations: [fresh] });
    expect(await json(res)).toEqual({ lastMutationId: 7, ignored: [], skipped: [2] });
    expect((await state(a))[`workout/${w2}`]).toBeUndefined();
    // Sent again under a new client id, as the client does on seeing that, it is stored.
    const again = await push(a, { schemaVersion: 1, clientId: clientId(), mutations: [fresh] });
    expect(await json(again)).toEqual({ lastMutationId: 2, ignored: [], skipped: [] });
    expect((await state(a))[`workout/${w2}`]).toMatchObject({ name: "new" });
  });

  it("names the refused mutation's id so the client can set that one change aside", async () => {
    const a = await signUp();
    const [w1, w2] = [uuid7(), uuid7()];
    const res = await push(a, {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [
        { id: 4, entity: "workout", op: "put", key: w1, value: workout(w1) },
        { id: 9, entity: "workout", op: "put", key: w2, value: workout(w2, { endedAt: -5 }) },
      ],
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({
      error: { code: "validation_failed", details: [{ index: 1, id: 9 }] },
    });
  });

  it("applies nothing when one mutation in the push is invalid", async () => {
    const a = await signUp();
    const [w1, w2] = [uuid7(), uuid7()];
    const res = await push(a, {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [
        { id: 1, entity: "workout", op: "put", key: w1, value: workout(w1) },
        { id: 2, entity: "workout", op: "put", key: w2, value: workout(w2, { startedAt: "soon" }) },
      ],
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ error: { code: "validation_failed" } });
    expect(await pullAll(a)).toEqual([]);
  });

  it("rolls back the whole batch when D1 fails part-way", async () => {
    const a = await signUp();
    const w = uuid7();
    const checked = validatePush({
      schemaVersion: 1,
      clientId: clientId(),
      mutations: [{ id: 1, entity: "workout", op: "put", key: w, value: workout(w) }],
    });
    if (!checked.ok) throw new Error("fixture should be valid");
    const { statements } = writeStatements(env.DB, a.userId, checked.mutations);
    await expect(
      env.DB.batch([...statements, env.DB.prepare("INSERT INTO no_such_table VALUES (1)")]),
    ).rejects.toThrow();
    expect(await pullAll(a)).toEqual([]);
  });
});

describe("push limits and bad input", () => {
  it("answers an unsupported schema version with its own code so the client keeps its outbox", async () => {
    const a = await signUp();
    const res = await push(a, { schemaVersion: 99, clientId: clientId(), mutations: [] });
    expect([409, 426]).toContain(res.status);
    expect(await json(res)).toMatchObject({ error: { code: "unsupported_schema_version" } });
  });

  it("refuses more than 100 mutations with 400 and more than 256 KB with 413", async () => {
    const a = await signUp();
    const w = uuid7();
    const many = Array.from({ length: 101 }, (_, i) => ({
      id: i + 1,
      entity: "workout",
      op: "delete",
      key: w,
    }));
    const tooMany = await push(a, { schemaVersion: 1, clientId: clientId(), mutations: many });
    expect(tooMany.status).toBe(400);
    const w2 = uuid7();
    const huge = workout(w2, { notes: "x".repeat(2000) });
    const big = Array.from({ length: 100 }, (_, i) => ({
      id: i + 1,
      entity: "workout",
      op: "put",
      key: w2,
      value: huge,
    }));
    const padded = JSON.stringify({ schemaVersion: 1, clientId: clientId(), mutations: big }).padEnd(
      300 * 1024,
      " ",
    );
    const tooBig = await call("/api/sync/push", { body: padded, cookie: a.cookie });
    expect(tooBig.status).toBe(413);
    expect(await json(tooBig)).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("refuses malformed JSON, wrong types, missing fields and bad cursors with 400", async () => {
    const a = await signUp();
    const bodies = [
      "{not json",
      JSON.stringify({ schemaVersion: "1", clientId: clientId(), mutations: [] }),
      JSON.stringify({ clientId: clientId(), mutations: [] }),
      JSON.stringify({ schemaVersion: 1, clientId: "me", mutations: [] }),
      JSON.stringify({
        schemaVersion: 1,
        clientId: clientId(),
        mutations: [{ id: 1, entity: "secrets", op: "delete", key: "x" }],
      }),
    ];
    for (const body of bodies) {
      const res = await call("/api/sync/push", { body, cookie: a.cookie });
      expect(res.status).toBe(400);
      expect(await json(res)).toHaveProperty("error.code");
    }
    for (const query of ["cursor=bogus", "limit=0", "limit=abc", "limit=5001", "limit=100000"]) {
      expect((await call(`/api/sync/pull?${query}`, { cookie: a.cookie })).status).toBe(400);
    }
    // The largest page the app asks for is allowed.
    expect((await call("/api/sync/pull?limit=5000", { cookie: a.cookie })).status).toBe(200);
  });

  it("answers sync without a session with a 401 envelope", async () => {
    const pushed = await call("/api/sync/push", {
      json: { schemaVersion: 1, clientId: clientId(), mutations: [] },
    });
    expect(pushed.status).toBe(401);
    expect(await json(pushed)).toMatchObject({ error: { code: "unauthorized" } });
    expect((await call("/api/sync/pull")).status).toBe(401);
  });
});
