import { describe, expect, it } from "vitest";
import { call, clientId, json, signUp, uuid7, type Account, queriesOf, setRecord } from "./helpers";

// A push of new records is merged without reading and written in one batch whose check confirms the
// guess (edge/data/sync-push.ts). These are the cases where the guess holds and where it does not.

const T0 = 1_760_000_000_000;
const workout = (id: string) => ({ id, startedAt: T0, updatedAt: T0 });
const set = (id: string, workoutId: string, reps = 5) => setRecord(id, workoutId, T0, reps);

const push = (account: Account, client: string, mutations: object[]) =>
  call("/api/sync/push", {
    method: "POST",
    cookie: account.cookie,
    json: { schemaVersion: 1, clientId: client, mutations },
  });

async function stored(account: Account): Promise<Record<string, unknown>> {
  const res = await call("/api/sync/pull?limit=500", { cookie: account.cookie });
  const page = await json<{ changes: { entity: string; key: string; value: unknown }[] }>(res);
  return Object.fromEntries(page.changes.map((c) => [`${c.entity}/${c.key}`, c.value]));
}

describe("a push of new records", () => {
  it("is saved in one D1 round trip once the device's session is known, and pulls back as sent", async () => {
    const a = await signUp();
    const device = clientId();
    const [w, s] = [uuid7(), uuid7()];
    expect(
      (await push(a, device, [{ id: 1, entity: "workout", op: "put", key: w, value: workout(w) }])).status,
    ).toBe(200);

    const logged = await push(a, device, [{ id: 2, entity: "set", op: "put", key: s, value: set(s, w) }]);
    expect(await json(logged)).toEqual({ lastMutationId: 2, ignored: [], skipped: [] });
    expect(queriesOf(logged)).toBe(1);
    expect(await stored(a)).toEqual({ [`workout/${w}`]: workout(w), [`set/${s}`]: set(s, w) });
  });

  it("still becomes a tombstone when its workout was deleted on another device", async () => {
    const a = await signUp();
    const [w, s] = [uuid7(), uuid7()];
    await push(a, clientId(), [
      { id: 1, entity: "workout", op: "put", key: w, value: workout(w) },
      { id: 2, entity: "workout", op: "delete", key: w },
    ]);
    // The other device, offline meanwhile, logs a set under the workout it still shows.
    const late = await push(a, clientId(), [{ id: 1, entity: "set", op: "put", key: s, value: set(s, w) }]);
    expect(await json(late)).toEqual({ lastMutationId: 1, ignored: [1], skipped: [] });
    expect(await stored(a)).toEqual({ [`workout/${w}`]: null, [`set/${s}`]: null });
  });

  it("merges with what is stored when the record turns out to exist, and a replay changes nothing", async () => {
    const a = await signUp();
    const [phone, laptop] = [clientId(), clientId()];
    const [w, s] = [uuid7(), uuid7()];
    await push(a, phone, [
      { id: 1, entity: "workout", op: "put", key: w, value: workout(w) },
      { id: 2, entity: "set", op: "put", key: s, value: set(s, w, 5) },
    ]);
    // The laptop sends the whole set again, corrected: the guess (no such set) fails, the push is
    // read and merged, and the newer reps win.
    const corrected = await push(a, laptop, [
      { id: 1, entity: "set", op: "put", key: s, value: set(s, w, 6) },
    ]);
    expect(await json(corrected)).toEqual({ lastMutationId: 1, ignored: [], skipped: [] });
    expect(queriesOf(corrected)).toBe(3);
    expect((await stored(a))[`set/${s}`]).toEqual(set(s, w, 6));

    // The phone's first push arrives again (a retry after a lost answer): said to be applied, not re-applied.
    const replay = await push(a, phone, [
      { id: 1, entity: "workout", op: "put", key: w, value: workout(w) },
      { id: 2, entity: "set", op: "put", key: s, value: set(s, w, 5) },
    ]);
    expect(await json(replay)).toEqual({ lastMutationId: 2, ignored: [], skipped: [1, 2] });
    expect((await stored(a))[`set/${s}`]).toEqual(set(s, w, 6));
  });
});
