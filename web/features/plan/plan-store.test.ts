import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { SpotterDb, setDatabase } from "../../db";
import { programById } from "../../../shared/plans";
import { endPlan, listPlans, setWeekdays, skipDay, startCustomPlan, startProgram } from "./plan-store";
import { describeSets } from "./describe";

let db: SpotterDb;
let n = 0;
beforeEach(() => {
  db = new SpotterDb(`plan-store-test-${n++}`);
  setDatabase(db);
});

describe("plan store", () => {
  it("saves a followed program with its outbox row, so it syncs", async () => {
    const plan = await startProgram(programById("gzclp")!, "2026-11-26", 3);
    expect(plan).toMatchObject({ name: "GZCLP", startedOn: "2026-11-26", weekdays: [1, 3, 5], active: true });
    expect(await listPlans()).toEqual([plan]);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((r) => [r.entity, r.op, r.key])).toEqual([["plan", "put", plan.id]]);
  });

  it("sends a skip, new weekdays and an end as partial puts of the fields they change", async () => {
    const plan = await startProgram(programById("linear_5x5")!, "2026-11-26", 0);
    expect(plan.weekdays).toEqual([1, 4]);
    const skipped = await skipDay(plan, "2026-11-27");
    const moved = await setWeekdays(skipped, [2, 6]);
    await endPlan(moved);
    const [, skip, days, end] = await db.outbox.orderBy("id").toArray();
    expect(skip).toMatchObject({ entity: "plan", fields: ["skippedOn", "updatedAt"] });
    expect(days).toMatchObject({ entity: "plan", fields: ["weekdays", "updatedAt"] });
    expect(end).toMatchObject({ entity: "plan", fields: ["active", "updatedAt"] });
    expect(await db.plans.get(plan.id)).toMatchObject({
      skippedOn: ["2026-11-27"],
      weekdays: [2, 6],
      active: false,
    });
  });
});

describe("a plan built by hand", () => {
  const lift = {
    exerciseId: "Barbell_Full_Squat",
    name: "Barbell Full Squat",
    load: "barbell" as const,
    progression: "linear" as const,
    sets: 3,
    reps: 5,
    repsMax: 5,
    startKg: 60,
    incrementKg: 2.5,
    restS: 120,
  };

  it("is saved with its outbox row like a built-in program, so it syncs", async () => {
    const plan = await startCustomPlan(
      { name: "Squats", weekdays: [2, 5], days: [{ name: "Legs", lifts: [lift] }] },
      "2026-11-26",
    );
    expect(plan).toMatchObject({ name: "Squats", programId: null, weekdays: [2, 5], active: true });
    expect(await listPlans()).toEqual([plan]);
    expect((await db.outbox.toArray()).map((r) => [r.entity, r.key])).toEqual([["plan", plan.id]]);
  });

  it("is refused with what to fix, and nothing is written", async () => {
    const draft = { name: "Squats", weekdays: [2], days: [{ name: "Legs", lifts: [{ ...lift, sets: 0 }] }] };
    await expect(startCustomPlan(draft, "2026-11-26")).rejects.toThrow(
      "Barbell Full Squat: sets must be a whole number from 1 to 20",
    );
    expect(await db.plans.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("sets as people read them", () => {
  it("groups equal sets and marks the last as-many-as-you-can set", () => {
    const sets = [
      { kind: "work" as const, reps: 3, loadKg: 100 },
      { kind: "work" as const, reps: 3, loadKg: 100 },
      { kind: "amrap" as const, reps: 3, loadKg: 100 },
      { kind: "supplemental" as const, reps: 10, repsMax: 12, loadKg: null },
    ];
    expect(describeSets(sets, "kg")).toBe("2 × 3 at 100 kg, 1 × 3+ at 100 kg, 1 × 10–12");
    expect(describeSets([{ kind: "work", reps: 5, loadKg: 102.058 }], "lb")).toBe("1 × 5 at 225 lb");
  });
});
