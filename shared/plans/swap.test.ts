import { describe, expect, it } from "vitest";
import type { Exercise } from "../schemas/exercise";
import { oneLiftPlan } from "./testing";
import { swapCandidates, swapExercise } from "./swap";

const exercise = (id: string, over: Partial<Exercise>): Exercise => ({
  id,
  name: id.replaceAll("_", " "),
  force: "push",
  level: "beginner",
  mechanic: "compound",
  equipment: "barbell",
  primaryMuscles: ["quadriceps"],
  secondaryMuscles: ["glutes", "hamstrings"],
  instructions: [],
  category: "strength",
  coachId: null,
  ...over,
});

const squat = exercise("Barbell_Full_Squat", { coachId: "squat" });
const library = [
  squat,
  exercise("Goblet_Squat", { equipment: "kettlebells", coachId: "squat" }),
  exercise("Dumbbell_Squat", { equipment: "dumbbell", secondaryMuscles: ["glutes"] }),
  exercise("Leg_Extensions", { equipment: "machine", mechanic: "isolation" }),
  exercise("Bodyweight_Squat", { equipment: "body only" }),
  exercise("Dumbbell_Lunges", { equipment: "dumbbell", primaryMuscles: ["quadriceps", "glutes"] }),
  exercise("Quad_Stretch", { equipment: null, category: "stretching" }),
];

describe("swapping an exercise", () => {
  it("offers strength exercises for the same muscles with equipment the person has, closest first", () => {
    const ids = swapCandidates(squat, library, ["dumbbell", "kettlebells"]).map((e) => e.id);
    expect(ids).toEqual(["Goblet_Squat", "Dumbbell_Squat", "Bodyweight_Squat"]);
  });

  it("offers everything that fits when no equipment is listed", () => {
    expect(swapCandidates(squat, library, [])).toHaveLength(4);
  });

  it("puts the new exercise in every slot of the old one, loaded its own way, starting afresh", () => {
    const plan = oneLiftPlan(
      "Barbell_Full_Squat",
      { kind: "linear", sets: 3, reps: 5, incrementKg: 5, attempts: 3, resetPct: 90 },
      100,
    );
    const swapped = swapExercise(plan, "Barbell_Full_Squat", library[2]!);
    expect(swapped.days[0]!.slots[0]).toMatchObject({
      exerciseId: "Dumbbell_Squat",
      load: "dumbbell",
      startKg: null,
    });
    expect(plan.days[0]!.slots[0]!.exerciseId).toBe("Barbell_Full_Squat");
  });
});
