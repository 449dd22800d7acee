import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { allSets } from "../db/queries";
import { deleteWorkout, finishWorkout, saveSet, startWorkout } from "../db/repository";
import { FakeSyncServer } from "./testing/fake-sync-server";
import { squatSet, testDevice } from "./testing/device";

let server: FakeSyncServer;
beforeEach(() => {
  server = new FakeSyncServer();
});

/** Two devices of one person that both hold a workout with one set. */
async function twoDevicesWithAWorkout() {
  const a = await testDevice(server);
  const b = await testDevice(server);
  const { workout, set } = await a.as(async () => {
    const workout = await startWorkout();
    return { workout, set: await saveSet(squatSet(workout.id)) };
  });
  await a.sync();
  await b.sync();
  return { a, b, workout, set };
}

describe("deleting a workout deletes its sets everywhere", () => {
  it("drops a set added under a workout another device deleted, on the device and the server", async () => {
    const { a, b, workout } = await twoDevicesWithAWorkout();
    await a.as(() => deleteWorkout(workout.id));
    await a.sync();
    const late = await b.as(() => saveSet(squatSet(workout.id, 9)));
    await b.sync();
    expect(server.get("set", late.id) ?? null).toBeNull();
    expect(await b.db.workouts.get(workout.id)).toBeUndefined();
    // Not hidden from the log yet counted in records: gone.
    expect(await b.as(() => allSets())).toEqual([]);
    expect(await b.db.outbox.count()).toBe(0);
  });

  it("keeps a workout deleted on one device and edited on another deleted, with its sets", async () => {
    const { a, b, workout, set } = await twoDevicesWithAWorkout();
    await a.as(() => deleteWorkout(workout.id));
    await a.sync();
    await b.as(() => finishWorkout(workout.id));
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      expect(await d.db.workouts.get(workout.id)).toBeUndefined();
      expect(await d.db.sets.get(set.id)).toBeUndefined();
    }
    expect(server.get("workout", workout.id)).toBeNull();
    expect(server.get("set", set.id)).toBeNull();
  });

  it("deletes on the server a set the deleting device never saw", async () => {
    const { a, b, workout } = await twoDevicesWithAWorkout();
    const unseen = await b.as(() => saveSet(squatSet(workout.id, 3)));
    await b.sync();
    // A deletes the workout without having pulled B's new set; its pull then brings both.
    await a.as(() => deleteWorkout(workout.id));
    await a.sync();
    expect(await a.db.sets.get(unseen.id)).toBeUndefined();
    expect(server.get("set", unseen.id)).toBeNull();
    await b.sync();
    expect(await b.as(() => allSets())).toEqual([]);
  });
});
