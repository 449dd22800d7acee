import { beforeEach, describe, expect, it } from "vitest";
import { loadRememberedChoices, rememberChoices } from "./remembered-choices";

beforeEach(() => localStorage.clear());

describe("remembered name choices", () => {
  it("come back by the name's words, whatever its spelling next time", () => {
    rememberChoices({
      "Zercher Squat (Barbell)": { kind: "library", id: "Front_Barbell_Squat" },
      Skierg: { kind: "skip" },
    });
    rememberChoices({ "Sled Push": { kind: "own" } });
    expect(loadRememberedChoices()).toEqual({
      "barbell squat zercher": { kind: "library", id: "Front_Barbell_Squat" },
      skierg: { kind: "skip" },
      "push sled": { kind: "own" },
    });
  });

  it("are ignored when what is stored is not valid", () => {
    localStorage.setItem(
      "spotter.import.exercise-choices",
      JSON.stringify({ x: { kind: "library", id: "../etc" } }),
    );
    expect(loadRememberedChoices()).toEqual({});
    localStorage.setItem("spotter.import.exercise-choices", "{not json");
    expect(loadRememberedChoices()).toEqual({});
  });
});
