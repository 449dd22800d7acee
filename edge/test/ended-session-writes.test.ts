import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { EntityKind } from "../../shared/schemas/entities";
import { deleteAccountStatements } from "../data/account-data";
import {
  call,
  clientId,
  json,
  profileRecord,
  sessionCookie,
  signIn,
  signUp,
  tokenHashOf,
  uuid7,
} from "./helpers";
import { examples } from "./record-examples";

/** What the server holds for a user id, row by row, after the account is gone. */
async function rowsLeft(userId: string) {
  const [records, marks, sessions] = await env.DB.batch<{ n: number }>([
    env.DB.prepare("SELECT count(*) AS n FROM records WHERE user_id = ?").bind(userId),
    env.DB.prepare("SELECT count(*) AS n FROM sync_clients WHERE user_id = ?").bind(userId),
    env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ?").bind(userId),
  ]);
  return {
    records: records?.results[0]?.n,
    marks: marks?.results[0]?.n,
    sessions: sessions?.results[0]?.n,
  };
}

/** Ends one device's session straight in D1, as another isolate's revocation would, leaving this isolate's cache as it was. */
async function endSessionInD1(cookie: string): Promise<void> {
  await env.DB.prepare("DELETE FROM sessions WHERE token_hash = ?")
    .bind(await tokenHashOf(cookie))
    .run();
}

const expectSessionEnded = async (res: Response) => {
  expect(res.status).toBe(401);
  expect(await json(res)).toEqual({
    error: { code: "unauthorized", message: "Your session has ended; sign in again." },
  });
};

/**
 * A device's session is kept in its isolate's memory for a while; the account (or the device) can
 * end in another isolate meanwhile. These delete it behind this isolate's back, straight in D1, as
 * another isolate would, and then write with the session this isolate still remembers.
 */
describe("a write with a session that ended in another isolate", () => {
  it("answers 401 for every kind a push carries, and writes nothing", async () => {
    const account = await signUp("gone-push");
    const phone = sessionCookie(await signIn(account));
    expect((await call("/api/sync/pull", { cookie: phone })).status).toBe(200);
    await env.DB.batch(deleteAccountStatements(env.DB, account.userId));

    const records = Object.entries(examples({ workout: uuid7(), food: uuid7() })) as [
      EntityKind,
      { key: string; value: object },
    ][];
    const put = ([entity, r]: (typeof records)[number], id: number) => ({
      id,
      entity,
      op: "put",
      key: r.key,
      value: { ...r.value, id: r.key },
    });
    const food = records.find(([entity]) => entity === "food");
    if (!food) throw new Error("no food example");
    for (const record of records) {
      // A meal entry names a custom food: it goes with it, as the app would push it.
      const mutations = record === food ? [put(record, 1)] : [put(food, 1), put(record, 2)];
      const res = await call("/api/sync/push", {
        cookie: phone,
        json: { schemaVersion: 1, clientId: clientId(), mutations },
      });
      await expectSessionEnded(res);
    }
    expect(await rowsLeft(account.userId)).toEqual({ records: 0, marks: 0, sessions: 0 });
  });

  it("answers 401 for a profile saved whole, and writes nothing", async () => {
    const account = await signUp("gone-profile");
    expect((await call("/api/profile", { cookie: account.cookie })).status).toBe(200);
    await env.DB.batch(deleteAccountStatements(env.DB, account.userId));
    const res = await call("/api/profile", {
      method: "PUT",
      cookie: account.cookie,
      json: profileRecord(Date.now()),
    });
    await expectSessionEnded(res);
    expect(await rowsLeft(account.userId)).toEqual({ records: 0, marks: 0, sessions: 0 });
  });

  it("answers 401 when only this device was revoked elsewhere, and the account keeps its data", async () => {
    const account = await signUp("gone-device");
    const phone = sessionCookie(await signIn(account));
    expect((await call("/api/sync/pull", { cookie: phone })).status).toBe(200);
    await endSessionInD1(phone);
    const res = await call("/api/sync/push", {
      cookie: phone,
      json: {
        schemaVersion: 1,
        clientId: clientId(),
        mutations: [{ id: 1, entity: "profile", op: "put", key: "self", value: profileRecord(Date.now()) }],
      },
    });
    await expectSessionEnded(res);
    expect(await rowsLeft(account.userId)).toEqual({ records: 0, marks: 0, sessions: 1 });
    expect((await call("/api/sync/pull", { cookie: account.cookie })).status).toBe(200);
  });
});

describe("an account change or export from a device revoked in another isolate", () => {
  it("is refused: no export, no new recovery code, no other device signed out, no account deleted", async () => {
    const account = await signUp("gone-change");
    const phone = sessionCookie(await signIn(account));
    expect((await call("/api/auth/me", { cookie: phone })).status).toBe(200);
    await endSessionInD1(phone);

    await expectSessionEnded(await call("/api/account/export", { cookie: phone }));
    await expectSessionEnded(await call("/api/auth/recovery-code", { method: "POST", cookie: phone }));
    await expectSessionEnded(await call("/api/auth/sign-out-others", { method: "POST", cookie: phone }));
    await expectSessionEnded(
      await call("/api/account", { method: "DELETE", cookie: phone, json: { confirm: account.username } }),
    );
    expect((await call("/api/auth/me", { cookie: account.cookie })).status).toBe(200);
    const recovered = await call("/api/auth/recover", {
      json: { username: account.username, code: account.recoveryCode },
      ip: account.ip,
    });
    expect(recovered.status).toBe(200);
  });
});
