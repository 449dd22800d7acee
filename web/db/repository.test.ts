import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { SpotterDb, setDatabase } from "./database";
import { LocalWriteError } from "./errors";
import { deleteSet, deleteWorkout, saveProfile, saveSet, startWorkout } from "./repository";
import { saveCameraSet } from "./camera-set";
import { clearLocalLog } from "./clear";
import { newId } from "./ids";
import { onInvalidRecords, setsOfWorkout } from "./queries";
import type { SetSummary } from "../../shared/form/types";

let db: SpotterDb;
let n = 0;
beforeEach(() => {
  db = new SpotterDb(`repo-test-${n++}`);
  setDatabase(db);
});

const squatSet = (workoutId: string) => ({
  workoutId,
  exerciseId: "Barbell_Full_Squat",
  reps: 5,
  weightKg: 100,
  rpe: 8,
});

describe("local writes", () => {
  it("write the record and its outbox row together", async () => {
    const workout = await startWorkout();
    const set = await saveSet(squatSet(workout.id));
    expect(await db.sets.get(set.id)).toMatchObject({ reps: 5, weightKg: 100, order: 0 });
    const outbox = await db.outbox.orderBy("id").toArray();
    expect(outbox.map((r) => [r.entity, r.op, r.key])).toEqual([
      ["workout", "put", workout.id],
      ["set", "put", set.id],
    ]);
    expect(outbox[0]!.id).toBeLessThan(outbox[1]!.id!);
  });

  it("leave neither the record nor the outbox row when the outbox write fails", async () => {
    const workout = await startWorkout();
    const before = await db.outbox.count();
    db.outbox.hook("creating", () => {
      throw new Error("disk went away");
    });
    await expect(saveSet(squatSet(workout.id))).rejects.toBeInstanceOf(LocalWriteError);
    expect(await db.sets.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
  });

  it("say in words that storage is full, and save nothing", async () => {
    const workout = await startWorkout();
    db.sets.hook("creating", () => {
      throw new DOMException("quota", "QuotaExceededError");
    });
    const err = await saveSet(squatSet(workout.id)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LocalWriteError);
    expect((err as LocalWriteError).code).toBe("storage_full");
    expect((err as LocalWriteError).message).toMatch(/out of storage space.*nothing.*saved/i);
    expect(await db.outbox.where({ entity: "set" }).count()).toBe(0);
  });

  it("send only the changed fields when a set is edited", async () => {
    const workout = await startWorkout();
    const set = await saveSet(squatSet(workout.id));
    await saveSet({ ...squatSet(workout.id), id: set.id, reps: 6 }, set.updatedAt + 1000);
    const last = await db.outbox.orderBy("id").last();
    expect(last).toMatchObject({
      entity: "set",
      op: "put",
      key: set.id,
      fields: ["reps", "updatedAt"],
      value: { reps: 6, weightKg: 100, updatedAt: set.updatedAt + 1000 },
    });
    expect((await db.sets.get(set.id))!.reps).toBe(6);
  });

  it("delete a workout with its sets, queueing a delete for each", async () => {
    const workout = await startWorkout();
    const a = await saveSet(squatSet(workout.id));
    const b = await saveSet(squatSet(workout.id));
    expect(b.order).toBe(1);
    await deleteSet(a.id);
    await deleteWorkout(workout.id);
    expect(await db.sets.count()).toBe(0);
    expect(await db.workouts.count()).toBe(0);
    const deletes = (await db.outbox.toArray()).filter((r) => r.op === "delete");
    expect(deletes.map((r) => r.key).sort()).toEqual([a.id, b.id, workout.id].sort());
  });

  it("keep one profile and queue only what changed", async () => {
    await saveProfile({ units: "lb", heightCm: 180 });
    await saveProfile({ heightCm: 181 });
    const profile = await db.profiles.toArray();
    expect(profile).toHaveLength(1);
    expect(profile[0]).toMatchObject({ units: "lb", heightCm: 181 });
    const last = await db.outbox.orderBy("id").last();
    expect(last).toMatchObject({ op: "put", fields: ["heightCm", "updatedAt"] });
  });
});

describe("saveCameraSet", () => {
  const summary: SetSummary = {
    exerciseId: "squat",
    reps: 2,
    partialReps: 1,
    repResults: [0, 1, 2].map((index) => ({
      index,
      startMs: index * 2000,
      endMs: index * 2000 + 1500,
      partial: index === 2,
      tempoMs: { away: 500, end: 100, return: 500, start: 400 },
      romRatio: 1,
      peakAngles: {},
      faults: index === 1 ? [{ id: "knee_valgus", severity: 0.5 }] : [],
      score: 90 - index * 10,
      scoreBreakdown: {},
    })),
    faultCounts: { knee_valgus: 1 },
    heldFaults: [],
    averageScore: 85,
  };

  it("files the set under today's open workout with each full rep's score", async () => {
    const first = await saveCameraSet(summary);
    const second = await saveCameraSet(summary);
    expect(second.workoutId).toBe(first.workoutId);
    expect(await db.workouts.count()).toBe(1);
    expect(first).toMatchObject({ source: "camera", reps: 2, exerciseId: "squat" });
    expect(first.repForm).toEqual([
      { score: 90, faults: [], romRatio: 1 },
      { score: 80, faults: ["knee_valgus"], romRatio: 1 },
    ]);
  });
});

describe("clearLocalLog", () => {
  it("refuses while changes wait to sync, and clears everything once they have", async () => {
    const workout = await startWorkout();
    await saveSet(squatSet(workout.id));
    const err = await clearLocalLog().catch((e: unknown) => e);
    expect((err as LocalWriteError).code).toBe("unsynced_changes");
    expect(await db.sets.count()).toBe(1);
    await db.outbox.clear();
    await clearLocalLog();
    expect(await db.sets.count()).toBe(0);
    expect(await db.workouts.count()).toBe(0);
  });
});

describe("validation", () => {
  it("refuses input the shared schema rejects, saving nothing", async () => {
    const workout = await startWorkout();
    const err = await saveSet({ ...squatSet(workout.id), rpe: 11 }).catch((e: unknown) => e);
    expect((err as LocalWriteError).code).toBe("invalid_input");
    expect(await db.sets.count()).toBe(0);
  });

  it("reports a stored record that fails the schema instead of using it", async () => {
    const workout = await startWorkout();
    const good = await saveSet(squatSet(workout.id));
    // A row as a buggy or older build might have left it: reps stored as text.
    await db.sets.put({ ...good, id: newId(), order: 1, reps: "5" as unknown as number });
    const reported: string[] = [];
    const stop = onInvalidRecords((list) => reported.splice(0, reported.length, ...list.map((p) => p.key)));
    const sets = await setsOfWorkout(workout.id);
    stop();
    expect(sets.map((s) => s.id)).toEqual([good.id]);
    expect(reported).toHaveLength(1);
  });
});
