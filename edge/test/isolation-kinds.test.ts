import { describe, expect, it } from "vitest";
import { ENTITY_KINDS, type EntityKind } from "../../shared/schemas/entities";
import { call, clientId, json, signUp, uuid7, type Account } from "./helpers";
import { examples, T0 } from "./record-examples";

const SINGLETONS = new Set(["self"]);

function push(account: Account, mutations: object[]) {
  return call("/api/sync/push", {
    cookie: account.cookie,
    json: {
      schemaVersion: 1,
      clientId: clientId(),
      mutations: mutations.map((m, i) => ({ id: i + 1, ...m })),
    },
  });
}

async function pulled(account: Account) {
  const page = await json<{ changes: { entity: string; key: string; value: unknown }[] }>(
    await call("/api/sync/pull?limit=1000", { cookie: account.cookie }),
  );
  return page.changes.map(({ entity, key, value }) => ({ entity, key, value }));
}

describe("every kind of synced record stays its owner's", () => {
  it("B can neither read, overwrite, patch nor delete A's records of any kind", async () => {
    const a = await signUp("alice");
    const b = await signUp("bob");
    const records = Object.entries(examples({ workout: uuid7(), food: uuid7() })) as [
      EntityKind,
      { key: string; value: object },
    ][];
    expect(records.map(([kind]) => kind).sort()).toEqual([...ENTITY_KINDS].sort());
    const put = records.map(([entity, r]) => ({
      entity,
      op: "put",
      key: r.key,
      value: { ...r.value, id: r.key },
    }));
    const created = await push(a, put);
    expect(created.status, await created.clone().text()).toBe(200);
    const before = await pulled(a);
    expect(new Set(before.map((c) => c.entity))).toEqual(new Set(ENTITY_KINDS));

    // B aims at every one of A's keys: a full put, a one-field patch and a delete each.
    const shared = records.filter(([, r]) => !SINGLETONS.has(r.key));
    const attacks = shared.flatMap(([entity, r]) => [
      { entity, op: "put", key: r.key, value: { ...r.value, id: r.key, updatedAt: T0 + 60_000 } },
      { entity, op: "put", key: r.key, value: { updatedAt: T0 + 60_000 }, fields: ["updatedAt"] },
      { entity, op: "delete", key: r.key },
    ]);
    const res = await push(b, attacks);
    expect(res.status, await res.clone().text()).toBe(200);
    const answer = await json<{ ignored: number[] }>(res);
    expect(answer.ignored).toHaveLength(attacks.length);

    // B's reads and export hold nothing of A's.
    const bSees = await pulled(b);
    for (const [, r] of shared) expect(bSees.map((c) => c.key)).not.toContain(r.key);
    const bExport = await call("/api/account/export", { cookie: b.cookie });
    const exported = await bExport.text();
    for (const [, r] of shared) expect(exported).not.toContain(r.key);
    expect(exported).not.toContain("A's");

    // B's own singletons (profile, targets) are B's: writing them leaves A's untouched.
    const mine = records.filter(([, r]) => SINGLETONS.has(r.key));
    const own = await push(
      b,
      mine.map(([entity, r]) => ({
        entity,
        op: "put",
        key: r.key,
        value: { ...r.value, updatedAt: T0 + 5 },
      })),
    );
    expect(own.status).toBe(200);

    expect(await pulled(a)).toEqual(before);
  });
});
