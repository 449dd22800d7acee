import { describe, expect, it } from "vitest";
import { parseWorkoutCsv } from "./parse-file";
import { hevyCsv, strongCsv, strongSemicolonCsv, type FixtureWorkout } from "./testing/fixtures";
import { ImportFileError } from "./types";

const HISTORY: FixtureWorkout[] = [
  {
    start: [2019, 12, 30, 18, 5],
    minutes: 65,
    name: 'Legs, "heavy"',
    notes: "Felt strong\nnew belt",
    sets: [
      { exercise: "Squat (Barbell)", weight: 100, reps: 5, kind: "W" },
      { exercise: "Squat (Barbell)", weight: 140, reps: 5, rpe: 8.5 },
      { exercise: "Plank", weight: 0, reps: 0, seconds: 60 },
    ],
  },
  {
    start: [2021, 3, 14, 7, 30],
    minutes: 45,
    name: "Push",
    sets: [{ exercise: "Bench Press (Barbell)", weight: 102.5, reps: 3, rpe: 9 }],
  },
  {
    start: [2024, 2, 26, 6, 49],
    minutes: 62,
    name: "Pull",
    sets: [
      { exercise: "Deadlift (Barbell)", weight: 180, reps: 2 },
      { exercise: "Deadlift (Barbell)", weight: 150, reps: 6, kind: "D" },
    ],
  },
];

const local = (y: number, mo: number, d: number, h: number, mi: number) =>
  new Date(y, mo - 1, d, h, mi).getTime();

describe("Strong's current format", () => {
  const parsed = parseWorkoutCsv(strongCsv(HISTORY), "kg");

  it("reads every workout across the years, in time order, with its name, notes and length", () => {
    expect(parsed.source).toBe("strong");
    expect(parsed.workouts.map((w) => w.startedAt)).toEqual([
      local(2019, 12, 30, 18, 5),
      local(2021, 3, 14, 7, 30),
      local(2024, 2, 26, 6, 49),
    ]);
    expect(parsed.workouts[0]!.name).toBe('Legs, "heavy"');
    expect(parsed.workouts[0]!.notes).toBe("Felt strong\nnew belt");
    expect(parsed.workouts[0]!.endedAt! - parsed.workouts[0]!.startedAt).toBe(65 * 60_000);
  });

  it("skips the rest-timer rows and keeps each set with its kind, reps, weight, RPE and time", () => {
    expect(parsed.skipped).toEqual({ rest_timer: 6 });
    expect(parsed.workouts.flatMap((w) => w.sets).length).toBe(6);
    expect(parsed.workouts[0]!.sets).toEqual([
      expect.objectContaining({
        exerciseName: "Squat (Barbell)",
        kind: "warmup",
        reps: 5,
        weightKg: 100,
        rpe: null,
      }),
      expect.objectContaining({ kind: "normal", reps: 5, weightKg: 140, rpe: 8.5 }),
      expect.objectContaining({ exerciseName: "Plank", reps: 0, weightKg: null, durationMs: 60_000 }),
    ]);
    expect(parsed.workouts[2]!.sets[1]!.kind).toBe("dropset");
  });

  it("converts weights from pounds when the person's Strong used pounds", () => {
    const inLb = parseWorkoutCsv(strongCsv(HISTORY), "lb");
    expect(inLb.workouts[1]!.sets[0]!.weightKg).toBeCloseTo(102.5 * 0.45359237, 3);
  });
});

describe("Strong's older semicolon format", () => {
  it("reads the unit from each row and decimal commas, in pounds", () => {
    const parsed = parseWorkoutCsv(strongSemicolonCsv(HISTORY, "lbs"), "kg");
    expect(parsed.workouts).toHaveLength(3);
    expect(parsed.workouts[1]!.sets[0]!.weightKg).toBeCloseTo(102.5 * 0.45359237, 3);
    expect(parsed.workouts[0]!.endedAt! - parsed.workouts[0]!.startedAt).toBe(65 * 60_000);
    expect(parsed.skipped).toEqual({});
  });

  it("and in kilograms, whatever the caller assumed", () => {
    const parsed = parseWorkoutCsv(strongSemicolonCsv(HISTORY, "kg"), "lb");
    expect(parsed.workouts[1]!.sets[0]!.weightKg).toBe(102.5);
  });
});

describe("Hevy's format", () => {
  it("reads its day-month-name dates, end times and set types in kg", () => {
    const parsed = parseWorkoutCsv(hevyCsv(HISTORY, "kg"), "lb");
    expect(parsed.source).toBe("hevy");
    expect(parsed.dateFormat).toBe("D MMM YYYY, HH:mm");
    expect(parsed.workouts.map((w) => [w.startedAt, w.endedAt])).toEqual([
      [local(2019, 12, 30, 18, 5), local(2019, 12, 30, 19, 10)],
      [local(2021, 3, 14, 7, 30), local(2021, 3, 14, 8, 15)],
      [local(2024, 2, 26, 6, 49), local(2024, 2, 26, 7, 51)],
    ]);
    expect(parsed.workouts[0]!.sets.map((s) => s.kind)).toEqual(["warmup", "normal", "normal"]);
    expect(parsed.workouts[1]!.sets[0]!.weightKg).toBe(102.5);
  });

  it("converts weight_lbs to kg", () => {
    const parsed = parseWorkoutCsv(hevyCsv(HISTORY, "lbs"), "kg");
    expect(parsed.workouts[2]!.sets[0]!.weightKg).toBeCloseTo(180 * 0.45359237, 3);
  });
});

describe("dates in the file's own format", () => {
  const file = (dates: string[]) =>
    [
      "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
      ...dates.map((d) => `"${d}",W,30m,Squat (Barbell),1,100,5,0,0,,,`),
    ].join("\n");

  it("reads day-first slashes when one day is past 12", () => {
    const parsed = parseWorkoutCsv(file(["03/04/2022 18:00", "25/04/2022 18:00"]), "kg");
    expect(parsed.workouts[0]!.startedAt).toBe(local(2022, 4, 3, 18, 0));
  });

  it("reads month-first slashes with a 12-hour clock", () => {
    const parsed = parseWorkoutCsv(file(["4/25/2022, 6:30 PM", "12/1/2022, 12:05 AM"]), "kg");
    expect(parsed.workouts.map((w) => w.startedAt)).toEqual([
      local(2022, 4, 25, 18, 30),
      local(2022, 12, 1, 0, 5),
    ]);
  });

  it("counts rows whose date cannot be read instead of guessing", () => {
    const parsed = parseWorkoutCsv(file(["2022-04-25 18:00:00", "2022-02-30 18:00:00"]), "kg");
    expect(parsed.workouts).toHaveLength(1);
    expect(parsed.skipped).toEqual({ bad_date: 1 });
  });
});

describe("files that are not exports", () => {
  it("refuses unknown columns and empty files with a reason", () => {
    expect(() => parseWorkoutCsv("a,b\n1,2\n", "kg")).toThrow(ImportFileError);
    expect(() => parseWorkoutCsv("", "kg")).toThrow(/empty/);
  });

  it("skips rows with unreadable numbers and counts them", () => {
    const text = strongCsv(HISTORY).replace("140.0", "lots");
    const parsed = parseWorkoutCsv(text, "kg");
    expect(parsed.skipped.bad_number).toBe(1);
    expect(parsed.workouts.flatMap((w) => w.sets)).toHaveLength(5);
  });
});
