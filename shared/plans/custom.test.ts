import { describe, expect, it } from "vitest";
import type { Exercise } from "../schemas/exercise";
import { customPlan, draftProblems, liftDraft, progressionOf, type PlanDraft } from "./custom";
import { reasonText } from "./reason-words";
import { addDays } from "./dates";
import { recommend } from "./recommend";
import { doneAsPrescribed, MONDAY, PLAN_ID, sessionOn } from "./testing";

const exercise = (id: string, name: string, equipment: Exercise["equipment"]): Exercise => ({
  id,
  name,
  force: "push",
  level: "beginner",
  mechanic: "compound",
  equipment,
  primaryMuscles: ["quadriceps"],
  secondaryMuscles: [],
  instructions: [],
  category: "strength",
  coachId: null,
});
const squat = liftDraft(exercise("Barbell_Full_Squat", "Barbell Full Squat", "barbell"));
const curl = liftDraft(exercise("Dumbbell_Bicep_Curl", "Dumbbell Bicep Curl", "dumbbell"));
const pushUp = liftDraft(exercise("Pushups", "Pushups", "body only"));

const draft: PlanDraft = {
  name: "  My split ",
  weekdays: [4, 1],
  days: [
    { name: "Legs", lifts: [{ ...squat, progression: "linear", sets: 3, reps: 5, startKg: 60 }] },
    { name: "Arms", lifts: [curl, pushUp] },
  ],
};
const ids = { id: PLAN_ID, startedOn: MONDAY, nowMs: 1 };

describe("a plan built by hand", () => {
  it("becomes a valid plan with each lift's own progression, and is coached like a built-in one", () => {
    const made = customPlan(draft, ids);
    if (!made.ok) throw new Error(made.problems.map(reasonText).join("; "));
    const { plan } = made;
    expect(plan).toMatchObject({ name: "My split", programId: null, weekdays: [1, 4], active: true });
    expect(plan.days[0]!.slots[0]!.progression).toEqual({
      kind: "linear",
      sets: 3,
      reps: 5,
      incrementKg: 2.5,
      attempts: 3,
      resetPct: 90,
    });
    expect(plan.days[1]!.slots.map((s) => [s.load, s.progression.kind])).toEqual([
      ["dumbbell", "double"],
      ["bodyweight", "double"],
    ]);

    const first = recommend({ plan, sessions: [], profile: { units: "kg" }, today: MONDAY }).today;
    const legs = first.exercises[0]!;
    expect(legs.sets.map((s) => `${s.reps}@${s.loadKg}`)).toEqual(["5@60", "5@60", "5@60"]);
    const done = [sessionOn(0, doneAsPrescribed("Barbell_Full_Squat", legs.sets, { score: 90, faults: [] }))];
    // Thursday is the Arms day; the Monday after, Legs again with 2.5 kg more.
    const nextLegs = recommend({ plan, sessions: done, profile: { units: "kg" }, today: addDays(MONDAY, 7) });
    expect(nextLegs.today.dayName).toBe("Arms");
    expect(nextLegs.week.find((d) => d.dayName === "Legs")!.exercises[0]!.sets[0]!.loadKg).toBe(62.5);
  });

  it("maps every progression choice onto the plan schema", () => {
    const kinds = (
      ["linear", "double", "rep_sum", "wave_531", "gzclp_t1", "gzclp_t2", "rir_meso"] as const
    ).map((progression) => progressionOf({ ...squat, progression, sets: 4, reps: 6, repsMax: 10 }));
    expect(kinds).toEqual([
      { kind: "linear", sets: 4, reps: 6, incrementKg: 2.5, attempts: 3, resetPct: 90 },
      { kind: "double", sets: 4, minReps: 6, maxReps: 10, incrementKg: 2.5 },
      { kind: "rep_sum", sets: 4, targetReps: 40, incrementKg: 2.5 },
      { kind: "wave_531", incrementKg: 2.5, bbb: true },
      { kind: "gzclp", tier: "t1", incrementKg: 2.5 },
      { kind: "gzclp", tier: "t2", incrementKg: 2.5 },
      { kind: "rir_meso", sets: 4, reps: 6, incrementKg: 2.5 },
    ]);
  });

  it("says in words what stops a draft from being saved", () => {
    const bad: PlanDraft = {
      name: " ",
      weekdays: [],
      days: [
        { name: "Legs", lifts: [] },
        {
          name: "Arms",
          lifts: [
            { ...curl, reps: 12, repsMax: 8 },
            { ...squat, sets: 0, startKg: -5 },
          ],
        },
      ],
    };
    expect(draftProblems(bad).map(reasonText)).toEqual([
      "Give the plan a name",
      "Pick at least one training day",
      "Legs needs at least one lift",
      "Dumbbell Bicep Curl: the top of the rep range (8) is under its bottom (12)",
      "Barbell Full Squat: sets must be a whole number from 1 to 20",
      "Barbell Full Squat: the starting load must be from 0 to 1000 kg",
    ]);
    expect(customPlan(bad, ids)).toMatchObject({ ok: false });
    expect(draftProblems({ ...draft, days: [] }).map(reasonText)).toEqual(["Add at least one day"]);
  });
});
