import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { parseSpotterExport, parseWorkoutCsv, RESTORE_ORDER, toRecords } from "../../../shared/import";
import { longHistory, strongCsv } from "../../../shared/import/testing/fixtures";
import { SpotterDb, setDatabase } from "../../db/database";
import { deleteSet, saveProfile } from "../../db/repository";
import { exportEverythingJson, exportLogCsv } from "./export-data";
import { writeImportChunk, type ImportRecord } from "./import-writer";

let db: SpotterDb;
let n = 0;
const fresh = () => {
  db = new SpotterDb(`import-test-${n++}`);
  setDatabase(db);
};
beforeEach(fresh);

const NOW = Date.UTC(2026, 0, 1);
const csv = strongCsv(longHistory(300, 2017));
const records = (): ImportRecord[] =>
  toRecords(parseWorkoutCsv(csv, "kg").workouts, new Map(), NOW).workouts.flatMap((w): ImportRecord[] => [
    { entity: "workout", value: w.workout },
    ...w.sets.map((s): ImportRecord => ({ entity: "set", value: s })),
  ]);

describe("writing an import", () => {
  it("stores every record with its outbox row, so it syncs like any other change", async () => {
    const result = await writeImportChunk(records(), "keep-existing");
    expect(result.written.set).toBe(300);
    expect(await db.sets.count()).toBe(300);
    expect(await db.outbox.count()).toBe(300 + (result.written.workout ?? 0));
    expect(await db.outbox.where("entity").equals("set").count()).toBe(300);
  });

  it("skips workouts already imported and never brings back a set deleted since", async () => {
    await writeImportChunk(records(), "keep-existing");
    const deleted = (await db.sets.toCollection().first())!;
    await deleteSet(deleted.id);
    const outboxBefore = await db.outbox.count();
    const again = await writeImportChunk(records(), "keep-existing");
    expect(again.written).toEqual({});
    expect(again.skipped.set).toBe(300);
    expect(await db.sets.get(deleted.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it("refuses the whole chunk when one record is invalid, storing nothing of it", async () => {
    const bad = records();
    bad[5] = { entity: "set", value: { ...bad[5]!.value, reps: -1 } as ImportRecord["value"] };
    await expect(writeImportChunk(bad, "keep-existing")).rejects.toThrow();
    expect(await db.sets.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("everything as JSON, into a fresh profile", () => {
  it("comes back identical, and a second restore changes nothing", async () => {
    await writeImportChunk(records(), "keep-existing");
    await saveProfile({ units: "lb", heightCm: 181, trainingDays: 4 });
    const snapshot = async () =>
      Object.fromEntries(
        await Promise.all(
          RESTORE_ORDER.map(async (k) => [k, await db.tableFor(k).orderBy(":id").toArray()] as const),
        ),
      );
    const before = await snapshot();
    const text = await (await exportEverythingJson(NOW)).text();

    fresh();
    const parsed = parseSpotterExport(text);
    expect(parsed.invalid).toEqual([]);
    await writeImportChunk(
      parsed.records.map((r) => ({ entity: r.entity, value: r.value })),
      "newer-wins",
    );
    expect(await snapshot()).toEqual(before);
    expect(await (await exportEverythingJson(NOW)).text()).toBe(text);

    const outbox = await db.outbox.count();
    const again = await writeImportChunk(
      parsed.records.map((r) => ({ entity: r.entity, value: r.value })),
      "newer-wins",
    );
    expect(again.written).toEqual({});
    expect(await db.outbox.count()).toBe(outbox);
  });

  it("exports the log as Strong CSV that imports back to the same sets", async () => {
    await writeImportChunk(records(), "keep-existing");
    const text = await (await exportLogCsv("kg", (id) => id.replaceAll("_", " "))).text();
    const parsed = parseWorkoutCsv(text, "kg");
    expect(parsed.workouts.flatMap((w) => w.sets)).toHaveLength(300);
    const original = parseWorkoutCsv(csv, "kg");
    expect(parsed.workouts.map((w) => w.startedAt)).toEqual(original.workouts.map((w) => w.startedAt));
    expect(parsed.workouts.flatMap((w) => w.sets.map((s) => [s.exerciseName, s.reps, s.weightKg]))).toEqual(
      original.workouts.flatMap((w) => w.sets.map((s) => [s.exerciseName, s.reps, s.weightKg])),
    );
  });
});
