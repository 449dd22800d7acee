import { describe, expect, it } from "vitest";
import { reasonText } from "./reason-words";
import { draftFromSlot, editLift } from "./custom-edit";
import { planFromProgram, programById } from "./programs";
import { recommend } from "./recommend";
import { MONDAY, PLAN_ID } from "./testing";

const plan = planFromProgram(programById("linear_5x5")!, {
  id: PLAN_ID,
  startedOn: MONDAY,
  weekdays: [1, 3, 5],
  nowMs: 0,
});
const squat = plan.days[0]!.slots[0]!;

describe("editing a lift of a plan", () => {
  it("opens a lift as the builder shows it and saves a new scheme, keeping what the builder hides", () => {
    const draft = draftFromSlot(squat, "Squat");
    expect(draft).toMatchObject({ progression: "linear", sets: 5, reps: 5, startKg: null, incrementKg: 5 });
    const edited = editLift(plan, 0, 0, { ...draft, sets: 3, reps: 3, startKg: 100, incrementKg: 2.5 });
    expect(edited.ok).toBe(true);
    if (!edited.ok) return;
    expect(edited.plan.days[0]!.slots[0]).toMatchObject({
      startKg: 100,
      progression: { kind: "linear", sets: 3, reps: 3, incrementKg: 2.5, attempts: 3, resetPct: 90 },
    });
    // Only that lift of that day changed: day B's squat keeps its own scheme.
    expect(edited.plan.days[1]!.slots[0]).toEqual(plan.days[1]!.slots[0]);
    // Today's session follows the new scheme.
    const today = recommend({
      plan: edited.plan,
      sessions: [],
      profile: { units: "kg" },
      today: MONDAY,
    }).today;
    expect(today.exercises[0]!.sets.map((s) => [s.reps, s.loadKg])).toEqual([
      [3, 100],
      [3, 100],
      [3, 100],
    ]);
  });

  it("switches a lift to another progression, and refuses a scheme that is not valid, saying why", () => {
    const draft = draftFromSlot(squat, "Squat");
    const double = editLift(plan, 0, 0, { ...draft, progression: "double", reps: 8, repsMax: 12 });
    expect(double.ok && double.plan.days[0]!.slots[0]!.progression).toEqual({
      kind: "double",
      sets: 5,
      minReps: 8,
      maxReps: 12,
      incrementKg: 5,
    });
    const problems = (result: ReturnType<typeof editLift>) =>
      result.ok ? [] : result.problems.map(reasonText);
    expect(problems(editLift(plan, 0, 0, { ...draft, progression: "double", reps: 12, repsMax: 8 }))).toEqual(
      ["Squat: the top of the rep range (8) is under its bottom (12)"],
    );
    expect(problems(editLift(plan, 0, 0, { ...draft, sets: 0 }))).toEqual([
      "Squat: sets must be a whole number from 1 to 20",
    ]);
    expect(editLift(plan, 5, 0, draft)).toMatchObject({ ok: false });
  });

  it("reads every progression back into the builder's fields", () => {
    const slots = ["gzclp", "wendler_531_bbb", "upper_lower_double", "hypertrophy_meso"].map(
      (id) => programById(id)!.days[0]!.slots[0]!,
    );
    expect(slots.map((s) => draftFromSlot(s, "x").progression)).toEqual([
      "gzclp_t1",
      "wave_531",
      "double",
      "rir_meso",
    ]);
    expect(
      draftFromSlot(
        { ...squat, progression: { kind: "rep_sum", sets: 3, targetReps: 30, incrementKg: 2 } },
        "x",
      ),
    ).toMatchObject({ progression: "rep_sum", sets: 3, repsMax: 10 });
  });
});
