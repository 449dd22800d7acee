import "fake-indexeddb/auto";
import { expect, it } from "vitest";
import { parseWorkoutCsv, toRecords } from "../../../shared/import";
import { longHistory, strongCsv } from "../../../shared/import/testing/fixtures";
import { personalRecords } from "../../../shared/training/one-rep-max";
import { allSets, SpotterDb, setDatabase } from "../../db";
import { personalRecordsByPage } from "./records-by-page";

it("gives the same personal records page by page as over every set at once", async () => {
  const db = new SpotterDb("records-by-page-test");
  setDatabase(db);
  // 900 sets in pages of 200: four full pages and a part, with records set in different pages.
  const parsed = parseWorkoutCsv(strongCsv(longHistory(900, 2016)), "kg");
  const { workouts } = toRecords(parsed.workouts, new Map(), Date.UTC(2026, 0, 1));
  await db.sets.bulkPut(workouts.flatMap((w) => w.sets));
  const expected = personalRecords(await allSets());
  expect(expected.length).toBeGreaterThan(3);
  expect(await personalRecordsByPage(200)).toEqual(expected);
});

it("reads every set once when more sets share a time than a page holds", async () => {
  const db = new SpotterDb("records-by-page-ties");
  setDatabase(db);
  const parsed = parseWorkoutCsv(strongCsv(longHistory(200, 2020)), "kg");
  const { workouts } = toRecords(parsed.workouts, new Map(), Date.UTC(2026, 0, 1));
  // Every set of a workout at the same moment: groups of ties larger than a page of 7.
  await db.sets.bulkPut(
    workouts.flatMap((w) => w.sets.map((s) => ({ ...s, performedAt: w.workout.startedAt }))),
  );
  expect(await personalRecordsByPage(7)).toEqual(personalRecords(await allSets()));
});
