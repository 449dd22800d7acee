import { describe, expect, it } from "vitest";
import { planFromProgram, PROGRAMS } from "../../shared/plans/programs";
import { ENTITY_KINDS, type EntityKind } from "../../shared/schemas/entities";
import { call, clientId, json, signUp, squatSet, uuid7, type Account } from "./helpers";

const T0 = 1_772_000_000_000;
const per100g = {
  energyKcal: 120,
  proteinG: 10,
  fatG: 4,
  carbG: 12,
  fiberG: null,
  sugarG: null,
  saturatedFatG: null,
  sodiumMg: null,
};

/**
 * One valid record of every kind that syncs, keyed by kind: a kind added to the sync table without
 * an example here fails to compile, so the matrix below always covers every kind.
 */
function examples(ids: {
  workout: string;
  food: string;
}): Record<EntityKind, { key: string; value: object }> {
  const program = PROGRAMS[0];
  if (!program) throw new Error("no built-in program");
  return {
    profile: {
      key: "self",
      value: {
        id: "self",
        units: "kg",
        heightCm: 170,
        weightKg: 70,
        birthYear: 1990,
        sex: "male",
        goal: "strength",
        experience: "beginner",
        equipment: [],
        trainingDays: 3,
        updatedAt: T0,
      },
    },
    workout: {
      key: ids.workout,
      value: { id: ids.workout, startedAt: T0, name: "A's workout", updatedAt: T0 },
    },
    set: { key: uuid7(), value: squatSet("", ids.workout, T0) },
    measurement: { key: uuid7(), value: { measuredAt: T0, weightKg: 70, updatedAt: T0 } },
    plan: {
      key: uuid7(),
      value: planFromProgram(program, { id: "", startedOn: "2026-03-02", weekdays: [1, 3, 5], nowMs: T0 }),
    },
    food: {
      key: ids.food,
      value: { name: "A's granola", barcode: "4006381333931", per100g, portion: null, updatedAt: T0 },
    },
    mealEntry: {
      key: uuid7(),
      value: {
        date: "2026-03-02",
        meal: "breakfast",
        food: { source: "custom", foodId: ids.food },
        name: "A's granola",
        grams: 80,
        portion: null,
        per100g,
        loggedAt: T0,
        updatedAt: T0,
      },
    },
    nutritionTargets: {
      key: "self",
      value: {
        id: "self",
        energyMode: "manual",
        macroMode: "manual",
        activity: "moderate",
        goal: "maintain",
        energyKcal: 2100,
        proteinG: 140,
        carbG: 220,
        fatG: 70,
        updatedAt: T0,
      },
    },
  };
}

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
