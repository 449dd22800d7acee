import { describe, expect, it } from "vitest";
import { call, clientId, json, signUp, squatSet, uuid7, type Account } from "./helpers";

const T0 = 1_760_000_000_000;

const push = (account: Account, mutations: unknown[]) =>
  call("/api/sync/push", {
    cookie: account.cookie,
    json: { schemaVersion: 1, clientId: clientId(), mutations },
  });

async function snapshot(account: Account) {
  const pull = await json(await call("/api/sync/pull?limit=500", { cookie: account.cookie }));
  const workouts = await json(await call("/api/workouts", { cookie: account.cookie }));
  const profile = await json(await call("/api/profile", { cookie: account.cookie }));
  const devices = await json(await call("/api/auth/devices", { cookie: account.cookie }));
  return { pull, workouts, profile, devices };
}

describe("user B against user A's rows", () => {
  it("can neither read, change nor delete anything of A's, on any endpoint", async () => {
    const a = await signUp("alice");
    const b = await signUp("bob");
    const [w, s, m] = [uuid7(), uuid7(), uuid7()];
    const workout = { id: w, startedAt: T0, name: "A's workout", updatedAt: T0 };
    const set = squatSet(s, w, T0);
    const profile = {
      id: "self",
      units: "kg",
      heightCm: 165,
      weightKg: 60,
      birthYear: 1995,
      sex: "female",
      goal: "strength",
      experience: "beginner",
      equipment: [],
      trainingDays: 2,
      updatedAt: T0,
    };
    await push(a, [
      { id: 1, entity: "workout", op: "put", key: w, value: workout },
      { id: 2, entity: "set", op: "put", key: s, value: set },
      {
        id: 3,
        entity: "measurement",
        op: "put",
        key: m,
        value: { id: m, measuredAt: T0, weightKg: 60, updatedAt: T0 },
      },
      { id: 4, entity: "profile", op: "put", key: "self", value: profile },
    ]);
    const before = await snapshot(a);
    const aDevices = (before.devices as { devices: { id: string }[] }).devices;

    // Writes through push, using A's ids: full puts, partial puts and deletes are all ignored.
    const sneaky = uuid7();
    const res2 = await push(b, [
      { id: 1, entity: "workout", op: "put", key: w, value: { ...workout, name: "hijacked" } },
      { id: 2, entity: "workout", op: "put", key: w, value: { name: "patched" }, fields: ["name"] },
      { id: 3, entity: "set", op: "delete", key: s },
      {
        id: 4,
        entity: "measurement",
        op: "put",
        key: m,
        value: { id: m, measuredAt: T0, weightKg: 99, updatedAt: T0 },
      },
      // B's own set pointing at A's workout must not show up under A's workout.
      { id: 5, entity: "set", op: "put", key: sneaky, value: { ...set, id: sneaky, reps: 99 } },
      { id: 6, entity: "profile", op: "put", key: "self", value: { ...profile, heightCm: 200 } },
    ]);
    expect(res2.status, await res2.clone().text()).toBe(200);
    expect(await json(res2)).toMatchObject({ lastMutationId: 6, ignored: [1, 2, 3, 4] });
    // Ownership fields in bodies are refused rather than trusted.
    const owned = await call("/api/sync/push", {
      cookie: b.cookie,
      json: { schemaVersion: 1, clientId: clientId(), userId: a.userId, mutations: [] },
    });
    expect(owned.status).toBe(400);

    // Reads: B sees only B's own rows.
    const bPull = await json<{ changes: { key: string }[] }>(
      await call("/api/sync/pull", { cookie: b.cookie }),
    );
    expect(bPull.changes.map((c) => c.key).sort()).toEqual([sneaky, "self"].sort());
    const bWorkouts = await json<{ workouts: unknown[] }>(await call("/api/workouts", { cookie: b.cookie }));
    expect(bWorkouts.workouts).toEqual([]);
    const bProfile = await json<{ profile: { heightCm: number } }>(
      await call("/api/profile", { cookie: b.cookie }),
    );
    expect(bProfile.profile.heightCm).toBe(200);
    const bDevices = await json<{ devices: { id: string }[] }>(
      await call("/api/auth/devices", { cookie: b.cookie }),
    );
    expect(bDevices.devices.map((d) => d.id)).not.toContain(aDevices[0]?.id);

    // Devices: B cannot revoke A's session.
    const revoke = await call(`/api/auth/devices/${aDevices[0]?.id}`, { method: "DELETE", cookie: b.cookie });
    expect(revoke.status).toBe(404);

    // B's export holds only B's rows; B deleting B's account leaves A's alone.
    const bExport = await json<{ records: { key: string }[] }>(
      await call("/api/account/export", { cookie: b.cookie }),
    );
    expect(bExport.records.map((r) => r.key).sort()).toEqual([sneaky, "self"].sort());
    expect(JSON.stringify(bExport)).not.toContain(a.username);
    const gone = await call("/api/account", {
      method: "DELETE",
      cookie: b.cookie,
      json: { confirm: b.username },
    });
    expect(gone.status).toBe(200);

    // A's data, profile and sessions are exactly as they were.
    expect(await snapshot(a)).toEqual(before);
  });
});
