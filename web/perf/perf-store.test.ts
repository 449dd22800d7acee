import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import type { PerfSample } from "./perf-sample";
import { PerfDb, recentSamples, writeSamples } from "./perf-store";

const dbs: PerfDb[] = [];
const openDb = () => {
  const db = new PerfDb(`perf-test-${dbs.length}-${Math.random()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

const samples = (kind: PerfSample["kind"], values: number[], fromMs = 0): PerfSample[] =>
  values.map((value, i) => ({ kind, value, atMs: fromMs + i }));

describe("perf store", () => {
  it("keeps only the newest samples past the cap", async () => {
    const db = openDb();
    await writeSamples(db, samples("api_ms", [1, 2, 3, 4]), 5);
    await writeSamples(db, samples("api_ms", [5, 6, 7], 10), 5);
    const kept = await db.samples.toArray();
    expect(kept.map((s) => s.value)).toEqual([3, 4, 5, 6, 7]);
  });

  it("reads the latest samples of one kind, oldest first", async () => {
    const db = openDb();
    await writeSamples(db, [...samples("fps", [30, 29, 28]), ...samples("api_ms", [9], 100)]);
    expect((await recentSamples(db, "fps", 2)).map((s) => s.value)).toEqual([29, 28]);
    expect((await recentSamples(db, "api_ms")).map((s) => s.value)).toEqual([9]);
  });
});
