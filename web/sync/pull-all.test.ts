import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { Change, PullResponse } from "../../shared/schemas/sync";
import { SpotterDb } from "../db/database";
import { newId } from "../db/ids";
import { readMeta } from "./meta";
import { FIRST_PAGE_LIMIT, ROWS_PER_WRITE, pullAll } from "./pull-all";
import type { SyncTransport } from "./transport";

const T0 = 1_760_000_000_000;
const workout = (id: string, version: number, name: string): Change => ({
  entity: "workout",
  key: id,
  value: { id, startedAt: T0, updatedAt: T0 + version, name },
  version,
});

/** A transport serving `pages` in order by cursor; the page after the last one fails. */
function pagedTransport(pages: Change[][]): SyncTransport & { pulls: number } {
  const transport = {
    pulls: 0,
    async push(): Promise<never> {
      throw new Error("not used");
    },
    async pull(cursor: string | null) {
      transport.pulls += 1;
      const index = cursor === null ? 0 : Number(cursor.slice(1));
      const page = pages[index];
      if (!page) throw new Error("connection lost");
      const result: PullResponse = { changes: page, cursor: `c${index + 1}`, hasMore: true };
      return { result, bookmark: null };
    },
  };
  return transport;
}

const workouts = (count: number) => Array.from({ length: count }, (_, i) => workout(newId(), i + 1, `w${i}`));

/** A transport serving `records` in version order, each answer as many as asked for; `asked` notes the limits. */
function serving(records: Change[], asked: number[] = []): SyncTransport {
  return {
    async push(): Promise<never> {
      throw new Error("not used");
    },
    async pull(cursor: string | null, limit: number) {
      asked.push(limit);
      const after = cursor === null ? 0 : Number(cursor);
      const changes = records.filter((r) => r.version > after).slice(0, limit);
      const last = changes.at(-1)?.version ?? after;
      const result: PullResponse = { changes, cursor: String(last), hasMore: last < records.length };
      return { result, bookmark: null };
    },
  };
}

describe("pullAll", () => {
  it("writes every page that arrived, the later change of a record winning, and stops where a fetch failed", async () => {
    const db = new SpotterDb(`pull-all-${Date.now()}`);
    const [a, b, c] = [newId(), newId(), newId()];
    const pages = [
      [workout(a, 1, "first"), workout(b, 2, "b")],
      [workout(c, 3, "c")],
      // Changed again while the pages were fetched: its later version comes in a later page.
      [workout(a, 4, "second")],
      [workout(b, 5, "b again")],
    ];
    const transport = pagedTransport(pages);
    await expect(pullAll(db, transport, 2)).rejects.toThrow("connection lost");
    expect(transport.pulls).toBe(5);
    expect((await db.workouts.get(a))?.name).toBe("second");
    expect((await db.workouts.get(b))?.name).toBe("b again");
    expect((await db.workouts.get(c))?.name).toBe("c");
    expect(await db.workouts.count()).toBe(3);
    // The cursor is the last written page's: the next pull asks for what failed, nothing skipped.
    expect(await readMeta(db, "cursor")).toBe("c4");
  });

  it("rejects, without hanging, when the first fetch fails, and writes nothing", async () => {
    const db = new SpotterDb(`pull-all-fail-${Date.now()}`);
    const transport = pagedTransport([]);
    await expect(pullAll(db, transport, 2)).rejects.toThrow("connection lost");
    expect(await readMeta(db, "cursor")).toBeNull();
  });

  it("takes a long first sync in pages that grow to the limit, every record once and the cursor at the end", async () => {
    const db = new SpotterDb(`pull-all-grow-${Date.now()}`);
    const records = workouts(7 * FIRST_PAGE_LIMIT);
    const asked: number[] = [];
    const report = await pullAll(db, serving(records, asked), 5 * FIRST_PAGE_LIMIT);
    expect(report.applied).toBe(records.length);
    expect(await db.workouts.count()).toBe(records.length);
    expect((await db.workouts.get(records.at(-1)!.key))?.name).toBe(`w${records.length - 1}`);
    expect(await readMeta(db, "cursor")).toBe(String(records.length));
    // 1,000 then 2,000 then 4,000: three requests where pages of 1,000 took seven.
    expect(asked).toEqual([FIRST_PAGE_LIMIT, 2 * FIRST_PAGE_LIMIT, 4 * FIRST_PAGE_LIMIT]);
  });

  it("tells how many pulled records are stored as each write commits, so a long first sync shows progress", async () => {
    const db = new SpotterDb(`pull-all-progress-${Date.now()}`);
    const records = workouts(3 * FIRST_PAGE_LIMIT);
    const heard: { told: number; stored: number }[] = [];
    const stored: Promise<void>[] = [];
    await pullAll(db, serving(records), FIRST_PAGE_LIMIT, (told) => {
      stored.push(db.workouts.count().then((count) => void heard.push({ told, stored: count })));
    });
    await Promise.all(stored);
    const told = heard.map((h) => h.told);
    expect(told.at(-1)).toBe(records.length);
    expect(told).toEqual([...told].sort((x, y) => x - y));
    // Never more than what is already in the database when it is said.
    for (const h of heard) expect(h.stored).toBeGreaterThanOrEqual(h.told);
  });

  it("writes pages fetched ahead in transactions of at most ROWS_PER_WRITE records, so a user's own write waits for no more", async () => {
    const db = new SpotterDb(`pull-all-bound-${Date.now()}`);
    const perTransaction = new Map<unknown, number>();
    db.use({
      stack: "dbcore",
      name: "count-workout-puts",
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) => {
              if (name === "workouts" && req.type === "put")
                perTransaction.set(req.trans, (perTransaction.get(req.trans) ?? 0) + req.values.length);
              return table.mutate(req);
            },
          };
        },
      }),
    });
    const records = workouts(12 * FIRST_PAGE_LIMIT);
    await pullAll(db, serving(records), ROWS_PER_WRITE);
    expect(await db.workouts.count()).toBe(records.length);
    expect(Math.max(...perTransaction.values())).toBeLessThanOrEqual(ROWS_PER_WRITE);
  });
});
