import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { clearLocalLog } from "../db/clear";
import { listWorkouts } from "../db/queries";
import { saveSet, startWorkout } from "../db/repository";
import { setSignedInAccount, writeMeta } from "./meta";
import { discardHeld, heldChangeCount } from "./owner";
import { FakeSyncServer } from "./testing/fake-sync-server";
import { squatSet, testDevice } from "./testing/device";

let server: FakeSyncServer;
beforeEach(() => {
  server = new FakeSyncServer();
});

const pushedKeys = () => server.pushBodies.flatMap((b) => b.mutations.map((m) => m.key));

describe("a shared device", () => {
  it("never shows nor pushes one account's unsynced changes to the next account", async () => {
    const device = await testDevice(server, "ann");
    const ann = await device.as(async () => {
      const workout = await startWorkout({ name: "Ann's legs" });
      return { workout, set: await saveSet(squatSet(workout.id)) };
    });
    // Ann signs out before these synced; Bob signs in on the same browser.
    await setSignedInAccount(device.db, null);
    await setSignedInAccount(device.db, { username: "bob" });
    expect(await device.as(() => listWorkouts())).toEqual([]);
    expect(await device.db.sets.count()).toBe(0);
    expect(await heldChangeCount(device.db)).toBe(2);
    const bobs = await device.as(() => startWorkout({ name: "Bob's push day" }));
    await device.sync();
    expect(pushedKeys()).toEqual([bobs.id]);

    // Ann comes back: her log and her unsynced changes return, and sync then.
    await setSignedInAccount(device.db, null);
    await setSignedInAccount(device.db, { username: "ann" });
    const names = (await device.as(() => listWorkouts())).map((w) => w.name);
    expect(names).toEqual(["Ann's legs"]);
    expect(await device.db.sets.get(ann.set.id)).toMatchObject({ reps: 5 });
    await device.sync();
    expect(pushedKeys()).toEqual([bobs.id, ann.workout.id, ann.set.id]);
    expect(await heldChangeCount(device.db)).toBe(0);
  });

  it("gives what was logged before any sign-in to the first account", async () => {
    const device = await testDevice(server, null);
    const workout = await device.as(() => startWorkout());
    await setSignedInAccount(device.db, { username: "ann" });
    await device.sync();
    expect(pushedKeys()).toEqual([workout.id]);
  });

  it("gives an account its set-aside changes back even after the log was removed in between", async () => {
    const device = await testDevice(server, "ann");
    const workout = await device.as(() => startWorkout({ name: "Ann's" }));
    await setSignedInAccount(device.db, { username: "bob" });
    await device.sync();
    await device.as(() => clearLocalLog());
    await setSignedInAccount(device.db, { username: "ann" });
    expect(await device.db.workouts.get(workout.id)).toMatchObject({ name: "Ann's" });
    await device.sync();
    expect(pushedKeys()).toEqual([workout.id]);
  });

  it("treats the account signed in before this version as the owner of what is on the device", async () => {
    const device = await testDevice(server, null);
    await device.as(() => startWorkout());
    // What an older build left: who was signed in, and no owner.
    await writeMeta(device.db, "account", { username: "ann" });
    await setSignedInAccount(device.db, { username: "bob" });
    expect(await device.db.workouts.count()).toBe(0);
    expect(await heldChangeCount(device.db)).toBe(1);
  });

  it("drops another account's set-aside changes when the person chooses to", async () => {
    const device = await testDevice(server, "ann");
    await device.as(() => startWorkout());
    await setSignedInAccount(device.db, { username: "bob" });
    expect(await heldChangeCount(device.db)).toBe(1);
    await discardHeld(device.db);
    expect(await heldChangeCount(device.db)).toBe(0);
    await setSignedInAccount(device.db, { username: "ann" });
    expect(await device.db.workouts.count()).toBe(0);
  });

  it("keeps nothing of an account whose changes had all synced: they are on the server", async () => {
    const device = await testDevice(server, "ann");
    await device.as(() => startWorkout());
    await device.sync();
    await setSignedInAccount(device.db, { username: "bob" });
    expect(await device.db.workouts.count()).toBe(0);
    expect(await device.db.held.count()).toBe(0);
  });
});
