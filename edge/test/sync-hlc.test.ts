import { describe, expect, it } from "vitest";
import { encodeStamp } from "../../shared/sync/hlc";
import { call, clientId, json, signUp, uuid7, type Account, setRecord } from "./helpers";

const HOUR = 3_600_000;
const T0 = Date.now() - 48 * HOUR;
const at = (hours: number, node: string, counter = 0) =>
  encodeStamp({ wallMs: T0 + hours * HOUR, counter, node });

const workout = (id: string) => ({ id, startedAt: T0, updatedAt: T0 });
const set = (id: string, workoutId: string) => setRecord(id, workoutId, T0);

interface Change {
  entity: string;
  key: string;
  value: Record<string, unknown> | null;
  stamps?: Record<string, string> | null;
}

const push = (account: Account, client: string, mutations: unknown[]) =>
  call("/api/sync/push", { json: { schemaVersion: 1, clientId: client, mutations }, cookie: account.cookie });

async function current(account: Account): Promise<Map<string, Change>> {
  const res = await call("/api/sync/pull?limit=500", { cookie: account.cookie });
  const body = await json<{ changes: Change[] }>(res);
  return new Map(body.changes.map((c) => [`${c.entity}/${c.key}`, c]));
}

describe("per-field hybrid logical clocks on the server", () => {
  it("keeps the later edit whichever device syncs first, field by field, and pulls the stamps", async () => {
    const a = await signUp();
    const w = uuid7();
    await push(a, clientId(), [
      { id: 1, entity: "workout", op: "put", key: w, value: workout(w), stamp: at(9, "laptop") },
    ]);
    // The laptop renames at 11:00 and syncs; the phone, offline since 10:00, syncs after it.
    await push(a, clientId(), [
      {
        id: 1,
        entity: "workout",
        op: "put",
        key: w,
        value: { name: "Laptop" },
        fields: ["name"],
        stamp: at(11, "laptop"),
      },
    ]);
    const phone = await push(a, clientId(), [
      {
        id: 1,
        entity: "workout",
        op: "put",
        key: w,
        value: { name: "Phone", notes: "felt strong" },
        fields: ["name", "notes"],
        stamp: at(10, "phone"),
      },
    ]);
    expect(await json(phone)).toEqual({ lastMutationId: 1, ignored: [], skipped: [] });
    const pulled = (await current(a)).get(`workout/${w}`);
    expect(pulled?.value).toMatchObject({ name: "Laptop", notes: "felt strong" });
    expect(pulled?.stamps).toMatchObject({ name: at(11, "laptop"), notes: at(10, "phone") });
  });

  it("stamps an old client's changes at arrival, so the last to arrive wins as before", async () => {
    const a = await signUp();
    const w = uuid7();
    await push(a, clientId(), [
      { id: 1, entity: "workout", op: "put", key: w, value: workout(w), stamp: at(1, "new") },
      {
        id: 2,
        entity: "workout",
        op: "put",
        key: w,
        value: { name: "New app" },
        fields: ["name"],
        stamp: at(2, "new"),
      },
    ]);
    await push(a, clientId(), [
      { id: 1, entity: "workout", op: "put", key: w, value: { name: "Old app" }, fields: ["name"] },
    ]);
    expect((await current(a)).get(`workout/${w}`)?.value).toMatchObject({ name: "Old app" });
  });

  it("keeps a delete final: a later edit or put does not bring the record back", async () => {
    const a = await signUp();
    const [w, s] = [uuid7(), uuid7()];
    await push(a, clientId(), [
      { id: 1, entity: "workout", op: "put", key: w, value: workout(w), stamp: at(1, "a") },
      { id: 2, entity: "set", op: "put", key: s, value: set(s, w), stamp: at(1, "a", 1) },
      { id: 3, entity: "workout", op: "delete", key: w, stamp: at(2, "a") },
    ]);
    const late = await push(a, clientId(), [
      {
        id: 1,
        entity: "workout",
        op: "put",
        key: w,
        value: { name: "Edited" },
        fields: ["name"],
        stamp: at(3, "b"),
      },
      { id: 2, entity: "workout", op: "put", key: w, value: workout(w), stamp: at(3, "b", 1) },
      { id: 3, entity: "set", op: "put", key: s, value: { reps: 8 }, fields: ["reps"], stamp: at(3, "b", 2) },
    ]);
    expect(await json(late)).toMatchObject({ ignored: [1, 2, 3] });
    const now = await current(a);
    expect(now.get(`workout/${w}`)?.value).toBeNull();
    expect(now.get(`set/${s}`)?.value).toBeNull();
  });

  it("merges parallel pushes to one record without losing any of them", async () => {
    const a = await signUp();
    const w = uuid7();
    await push(a, clientId(), [
      { id: 1, entity: "workout", op: "put", key: w, value: workout(w), stamp: at(1, "a") },
    ]);
    const edits: [string, unknown][] = [
      ["name", "Legs"],
      ["notes", "felt strong"],
      ["endedAt", T0 + 2 * HOUR],
      ["updatedAt", T0 + 3 * HOUR],
    ];
    const answers = await Promise.all(
      edits.map(([field, value], i) =>
        push(a, clientId(), [
          {
            id: 1,
            entity: "workout",
            op: "put",
            key: w,
            value: { [field]: value },
            fields: [field],
            stamp: at(2, `n${i}`),
          },
        ]),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(edits.map(() => 200));
    expect((await current(a)).get(`workout/${w}`)?.value).toMatchObject(Object.fromEntries(edits));
  });

  it("never leaves a live set under a deleted workout when a delete races a new set", async () => {
    const a = await signUp();
    const w = uuid7();
    await push(a, clientId(), [
      { id: 1, entity: "workout", op: "put", key: w, value: workout(w), stamp: at(1, "a") },
    ]);
    const sets = [uuid7(), uuid7(), uuid7()];
    await Promise.all([
      push(a, clientId(), [{ id: 1, entity: "workout", op: "delete", key: w, stamp: at(2, "a") }]),
      ...sets.map((s, i) =>
        push(a, clientId(), [
          { id: 1, entity: "set", op: "put", key: s, value: set(s, w), stamp: at(2, `b${i}`) },
        ]),
      ),
    ]);
    const now = await current(a);
    expect(now.get(`workout/${w}`)?.value).toBeNull();
    for (const s of sets) expect(now.get(`set/${s}`)?.value ?? null).toBeNull();
  });
});
