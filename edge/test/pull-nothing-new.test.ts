import { describe, expect, it } from "vitest";
import { call, clientId, json, signUp, uuid7, queriesOf } from "./helpers";

interface Page {
  changes: { key: string; value: { name?: string } | null }[];
  cursor: string;
  hasMore: boolean;
}

const push = (cookie: string, client: string, mutations: object[]) =>
  call("/api/sync/push", { method: "POST", cookie, json: { schemaVersion: 1, clientId: client, mutations } });

describe("a pull with nothing new", () => {
  it("needs no query once the user's head knows the newest version, and still brings another device's later change", async () => {
    const a = await signUp("pull-empty");
    const id = uuid7();
    const now = Date.now();
    const created = {
      id: 1,
      entity: "workout",
      op: "put",
      key: id,
      value: { id, startedAt: now, updatedAt: now },
    };
    expect((await push(a.cookie, clientId(), [created])).status).toBe(200);
    const first = await json<Page>(await call("/api/sync/pull", { cookie: a.cookie }));
    expect(first.changes.map((c) => c.key)).toEqual([id]);

    const again = await call(`/api/sync/pull?cursor=${encodeURIComponent(first.cursor)}`, {
      cookie: a.cookie,
    });
    expect(again.status).toBe(200);
    // The first pull read D1's primary and told the user's head what it found.
    expect(queriesOf(again)).toBe(0);
    expect(await json<Page>(again)).toEqual({ changes: [], cursor: first.cursor, hasMore: false });

    // Another device of the same person renames the workout: the next pull from the old cursor has it.
    const renamed = {
      id: 1,
      entity: "workout",
      op: "put",
      key: id,
      value: { id, startedAt: now, name: "Legs", updatedAt: now + 1 },
      fields: ["name", "updatedAt"],
    };
    expect((await push(a.cookie, clientId(), [renamed])).status).toBe(200);
    const later = await json<Page>(
      await call(`/api/sync/pull?cursor=${encodeURIComponent(first.cursor)}`, { cookie: a.cookie }),
    );
    expect(later.changes.map((c) => [c.key, c.value?.name])).toEqual([[id, "Legs"]]);
    expect(later.cursor).not.toBe(first.cursor);
  });
});
