import { describe, expect, it } from "vitest";
import { encodeStamp } from "../../shared/sync/hlc";
import { call, clientId, json, signUp, type Account, profileRecord } from "./helpers";

const HOUR = 3_600_000;
const T0 = Date.now() - 48 * HOUR;
const at = (hours: number, node: string) => encodeStamp({ wallMs: T0 + hours * HOUR, counter: 0, node });

const profile = profileRecord(T0);

const push = (account: Account, mutations: unknown[]) =>
  call("/api/sync/push", {
    json: { schemaVersion: 1, clientId: clientId(), mutations },
    cookie: account.cookie,
  });

const serverProfile = async (account: Account) =>
  (
    await json<{ profile: Record<string, unknown> | null }>(
      await call("/api/profile", { cookie: account.cookie }),
    )
  ).profile;

describe("PUT /api/profile", () => {
  it("stamps only the fields it changes: an earlier edit of another field, synced later, still wins", async () => {
    const a = await signUp("profile-put");
    // The phone created the profile at 09:00 and synced.
    const created = {
      id: 1,
      entity: "profile",
      op: "put",
      key: "self",
      value: profile,
      stamp: at(9, "phone"),
    };
    expect((await push(a, [created])).status).toBe(200);
    // Offline since, the phone changes the goal at 30:00 ...
    const goal = {
      id: 1,
      entity: "profile",
      op: "put",
      key: "self",
      value: { goal: "hypertrophy" },
      fields: ["goal"],
      stamp: at(30, "phone"),
    };
    // ... while another device saves the whole profile with only the weight changed (now, 48:00).
    const put = await call("/api/profile", {
      method: "PUT",
      cookie: a.cookie,
      json: { ...profile, weightKg: 80 },
    });
    expect(put.status).toBe(200);
    // The phone comes online: its goal is the latest edit of the goal, the weight the latest of the weight.
    expect((await push(a, [goal])).status).toBe(200);
    expect(await serverProfile(a)).toMatchObject({ goal: "hypertrophy", weightKg: 80, heightCm: 175 });
  });

  it("still wins with the fields it does change, and removes what it leaves out", async () => {
    const a = await signUp("profile-put-wins");
    const withBar = { ...profile, barKg: 15 };
    const created = {
      id: 1,
      entity: "profile",
      op: "put",
      key: "self",
      value: withBar,
      stamp: at(9, "phone"),
    };
    expect((await push(a, [created])).status).toBe(200);
    const put = await call("/api/profile", {
      method: "PUT",
      cookie: a.cookie,
      json: { ...profile, goal: "endurance" },
    });
    expect(put.status).toBe(200);
    const stale = {
      id: 1,
      entity: "profile",
      op: "put",
      key: "self",
      value: { goal: "hypertrophy", barKg: 10 },
      fields: ["goal", "barKg"],
      stamp: at(30, "phone"),
    };
    expect((await push(a, [stale])).status).toBe(200);
    const stored = await serverProfile(a);
    expect(stored).toMatchObject({ goal: "endurance" });
    expect(stored).not.toHaveProperty("barKg");
  });
});
