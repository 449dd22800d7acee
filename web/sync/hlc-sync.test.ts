import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteWorkout, saveSet, startWorkout } from "../db/repository";
import { FakeSyncServer } from "./testing/fake-sync-server";
import { squatSet, testDevice } from "./testing/device";

const HOUR = 3_600_000;
const T10 = Date.UTC(2026, 10, 26, 10);
let server: FakeSyncServer;
beforeEach(() => {
  server = new FakeSyncServer();
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => vi.useRealTimers());

/** Runs `body` with the device's wall clock at `ms` (a device's clock, not the true time). */
async function at<T>(ms: number, body: () => Promise<T>): Promise<T> {
  vi.setSystemTime(ms);
  return body();
}

describe("the later edit wins, whichever device syncs first", () => {
  it("keeps the laptop's 11:00 edit when the phone, offline since 10:00, syncs after it", async () => {
    const phone = await testDevice(server);
    const laptop = await testDevice(server);
    const set = await at(T10 - HOUR, () =>
      phone.as(async () => saveSet(squatSet((await startWorkout()).id))),
    );
    await at(T10 - HOUR, () => phone.sync());
    await at(T10 - HOUR, () => laptop.sync());
    await at(T10, () => phone.as(() => saveSet({ ...squatSet(set.workoutId, 3), id: set.id }, T10)));
    await at(T10 + HOUR, () =>
      laptop.as(() => saveSet({ ...squatSet(set.workoutId, 8), id: set.id }, T10 + HOUR)),
    );
    await at(T10 + HOUR, () => laptop.sync());
    await at(T10 + 2 * HOUR, () => phone.sync());
    await at(T10 + 2 * HOUR, () => laptop.sync());
    for (const d of [phone, laptop]) expect(await d.db.sets.get(set.id)).toMatchObject({ reps: 8 });
    expect(server.get("set", set.id)).toMatchObject({ reps: 8 });
  });

  it("stamps a device's edit after what it pulled, even when its clock is an hour behind", async () => {
    const laptop = await testDevice(server);
    const phone = await testDevice(server);
    const set = await at(T10, () => laptop.as(async () => saveSet(squatSet((await startWorkout()).id))));
    await at(T10 + HOUR, () =>
      laptop.as(() => saveSet({ ...squatSet(set.workoutId, 8), id: set.id }, T10 + HOUR)),
    );
    await at(T10 + HOUR, () => laptop.sync());
    // The phone's clock reads 10:30 when the true time is 11:30: it saw 8 reps, then entered 6.
    await at(T10 + HOUR / 2, () => phone.sync());
    await at(T10 + HOUR / 2, () =>
      phone.as(() => saveSet({ ...squatSet(set.workoutId, 6), id: set.id }, T10)),
    );
    await at(T10 + HOUR / 2, () => phone.sync());
    await at(T10 + 2 * HOUR, () => laptop.sync());
    for (const d of [phone, laptop]) expect(await d.db.sets.get(set.id)).toMatchObject({ reps: 6 });
  });

  it("deletes a workout's sets on every device, including a set another device added offline", async () => {
    const a = await testDevice(server);
    const b = await testDevice(server);
    const workout = await at(T10, () => a.as(() => startWorkout()));
    await at(T10, () => a.as(() => saveSet(squatSet(workout.id))));
    await at(T10, () => a.sync());
    await at(T10, () => b.sync());
    const late = await at(T10 + HOUR, () => b.as(() => saveSet(squatSet(workout.id, 9))));
    await at(T10 + HOUR, () => a.as(() => deleteWorkout(workout.id)));
    await at(T10 + HOUR, () => a.sync());
    await at(T10 + 2 * HOUR, () => b.sync());
    await at(T10 + 2 * HOUR, () => a.sync());
    for (const d of [a, b]) {
      expect(await d.db.workouts.count()).toBe(0);
      expect(await d.db.sets.count()).toBe(0);
    }
    expect(server.get("set", late.id)).toBeNull();
  });
});
