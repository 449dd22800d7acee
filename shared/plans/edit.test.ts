import { describe, expect, it } from "vitest";
import type { Exercise } from "../schemas/exercise";
import { PlanSchema } from "../schemas/plan";
import * as v from "valibot";
import { addLift, removeLift } from "./edit";
import { recommend } from "./recommend";
import { MONDAY, oneLiftPlan } from "./testing";

const curl: Exercise = {
  id: "Dumbbell_Bicep_Curl",
  name: "Dumbbell Bicep Curl",
  force: "pull",
  level: "beginner",
  mechanic: "isolation",
  equipment: "dumbbell",
  primaryMuscles: ["biceps"],
  secondaryMuscles: ["forearms"],
  instructions: [],
  category: "strength",
  coachId: "bicep_curl",
};
const base = oneLiftPlan(
  "Barbell_Full_Squat",
  { kind: "linear", sets: 3, reps: 5, incrementKg: 5, attempts: 3, resetPct: 90 },
  100,
);

describe("editing a plan's days", () => {
  it("adds a lift with double progression 3×8–12, loaded its own way, that the plan then prescribes", () => {
    const plan = addLift(base, 0, curl);
    expect(v.is(PlanSchema, plan)).toBe(true);
    const today = recommend({ plan, sessions: [], profile: { units: "kg" }, today: MONDAY }).today;
    expect(today.exercises.map((e) => e.exerciseId)).toEqual(["Barbell_Full_Squat", "Dumbbell_Bicep_Curl"]);
    expect(today.exercises[1]!.sets.map((s) => `${s.reps}–${s.repsMax}`)).toEqual(["8–12", "8–12", "8–12"]);
    expect(today.exercises[1]!.slot.load).toBe("dumbbell");
  });

  it("removes a lift but never a day's last one", () => {
    const plan = addLift(base, 0, curl);
    expect(removeLift(plan, 0, 0).days[0]!.slots.map((s) => s.exerciseId)).toEqual(["Dumbbell_Bicep_Curl"]);
    expect(removeLift(base, 0, 0)).toEqual(base);
  });
});
