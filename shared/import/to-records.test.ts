import { describe, expect, it } from "vitest";
import { safeParseRecord } from "../schemas/entities";
import type { ExerciseChoice } from "./exercise-match";
import { parseWorkoutCsv } from "./parse-file";
import { hevyCsv, longHistory, strongCsv } from "./testing/fixtures";
import { toRecords } from "./to-records";

const NOW = Date.UTC(2026, 0, 1);
const history = longHistory(400, 2016);
const choices = new Map<string, ExerciseChoice>([
  ["Squat (Barbell)", { kind: "library", id: "Barbell_Squat" }],
  ["Pull Up", { kind: "skip" }],
]);

describe("parsed workouts as records", () => {
  const parsed = parseWorkoutCsv(strongCsv(history), "kg");
  const { workouts, notKept } = toRecords(parsed.workouts, choices, NOW);

  it("makes only records the shared schemas accept", () => {
    for (const { workout, sets } of workouts) {
      expect(safeParseRecord("workout", workout).ok).toBe(true);
      for (const s of sets) expect(safeParseRecord("set", s)).toMatchObject({ ok: true });
    }
  });

  it("maps names by the choices, keeps unmapped ones under their own name, leaves out skipped ones", () => {
    const ids = new Set(workouts.flatMap((w) => w.sets.map((s) => s.exerciseId)));
    expect(ids.has("Barbell_Squat")).toBe(true);
    expect(ids.has("Bench_Press_(Barbell)")).toBe(true);
    expect([...ids].some((id) => id.startsWith("Pull"))).toBe(false);
    const pullUps = parsed.workouts.flatMap((w) => w.sets).filter((s) => s.exerciseName === "Pull Up").length;
    expect(notKept.skippedSets).toBe(pullUps);
    expect(workouts.reduce((n, w) => n + w.sets.length, 0)).toBe(400 - pullUps);
  });

  it("orders each workout's sets from 0 within its time and ends every workout", () => {
    for (const { workout, sets } of workouts) {
      expect(sets.map((s) => s.order)).toEqual(sets.map((_, i) => i));
      expect(workout.endedAt).toBeGreaterThanOrEqual(workout.startedAt);
      for (const s of sets) {
        expect(s.performedAt).toBeGreaterThanOrEqual(workout.startedAt);
        expect(s.performedAt).toBeLessThanOrEqual(workout.endedAt!);
      }
    }
  });

  it("gives the same ids to the same workouts on a second import, and different ones across sources", () => {
    const again = toRecords(parseWorkoutCsv(strongCsv(history), "kg").workouts, choices, NOW + 1000);
    expect(again.workouts.map((w) => w.workout.id)).toEqual(workouts.map((w) => w.workout.id));
    expect(again.workouts[3]!.sets.map((s) => s.id)).toEqual(workouts[3]!.sets.map((s) => s.id));
    const fromHevy = toRecords(parseWorkoutCsv(hevyCsv(history, "kg"), "kg").workouts, choices, NOW);
    expect(fromHevy.workouts[0]!.workout.id).not.toBe(workouts[0]!.workout.id);
    expect(new Set(workouts.map((w) => w.workout.id)).size).toBe(workouts.length);
  });
});
