import { describe, expect, it } from "vitest";
import type { ExportRecord } from "./spotter-json";
import { deviceExportJson, parseSpotterExport } from "./spotter-json";
import { parseWorkoutCsv } from "./parse-file";
import { strongCsv as writeStrongCsv, strongRows } from "./strong-export";
import { longHistory, strongCsv } from "./testing/fixtures";
import { toRecords } from "./to-records";
import { ImportFileError } from "./types";

const NOW = Date.UTC(2026, 0, 1);
const { workouts } = toRecords(
  parseWorkoutCsv(strongCsv(longHistory(120, 2018)), "kg").workouts,
  new Map(),
  NOW,
);

describe("the log as Strong CSV", () => {
  for (const unit of ["kg", "lb"] as const) {
    it(`reads back as the same workouts and sets (${unit})`, () => {
      const rows = workouts.flatMap((w) =>
        strongRows(w.workout, w.sets, (id) => id.replaceAll("_", " "), unit),
      );
      const again = parseWorkoutCsv(writeStrongCsv(rows), unit);
      expect(again.workouts).toHaveLength(workouts.length);
      again.workouts.forEach((w, i) => {
        const original = workouts[i]!;
        expect(w.startedAt).toBe(original.workout.startedAt);
        expect(w.name).toBe(original.workout.name);
        expect(
          w.sets.map((s) => [s.reps, s.weightKg === null ? null : Math.round(s.weightKg * 100), s.rpe]),
        ).toEqual(
          original.sets.map((s) => [
            s.reps,
            s.weightKg === null ? null : Math.round(s.weightKg * 100),
            s.rpe,
          ]),
        );
      });
    });
  }
});

describe("everything as JSON", () => {
  const records: ExportRecord[] = [
    {
      entity: "profile",
      key: "self",
      value: {
        id: "self",
        units: "lb",
        heightCm: 180,
        weightKg: 80,
        birthYear: 1990,
        sex: "unspecified",
        goal: "strength",
        experience: "intermediate",
        equipment: ["barbell"],
        trainingDays: 4,
        updatedAt: NOW,
      },
    },
    ...workouts.flatMap((w): ExportRecord[] => [
      { entity: "workout", key: w.workout.id, value: w.workout },
      ...w.sets.map((s): ExportRecord => ({ entity: "set", key: s.id, value: s })),
    ]),
  ];

  it("reads back as identical records", () => {
    const parsed = parseSpotterExport(deviceExportJson(NOW, records));
    expect(parsed.invalid).toEqual([]);
    expect(parsed.records).toEqual(records);
    expect(parsed.counts).toEqual({ profile: 1, workout: workouts.length, set: 120 });
  });

  it("refuses records that fail their schema, and files that are not exports", () => {
    const bad = [
      ...records,
      { entity: "set", key: "x", value: { id: "x" } },
      { entity: "spaceship", key: "y", value: {} },
    ];
    const parsed = parseSpotterExport(deviceExportJson(NOW, bad as ExportRecord[]));
    expect(parsed.records).toHaveLength(records.length);
    expect(parsed.invalid.map((i) => i.entity)).toEqual(["set", "spaceship"]);
    expect(() => parseSpotterExport("{")).toThrow(ImportFileError);
    expect(() => parseSpotterExport('{"format":"other"}')).toThrow(/not a Spotter export/);
  });
});
