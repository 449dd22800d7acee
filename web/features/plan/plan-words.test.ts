import { describe, expect, it } from "vitest";
import { PROGRAMS, PROGRESSION_CHOICES } from "../../../shared/plans";
import de from "../../i18n/locales/de/plan.json";
import en from "../../i18n/locales/en/plan.json";
import { PROGRAM_IDS } from "./ProgramPicker";

// The plan engine hands the page codes (built-in programs, progression choices); each must have
// words in every language, or someone sees a raw code.
describe("plan words for shared codes", () => {
  it("knows every built-in program by id", () => {
    expect([...PROGRAM_IDS].sort()).toEqual(PROGRAMS.map((p) => p.id).sort());
  });

  for (const [lang, catalogue] of [
    ["en", en],
    ["de", de],
  ] as const) {
    it(`${lang} words every program and progression choice`, () => {
      const programs = catalogue.programs as Record<string, string>;
      const progressions = catalogue.progressions as Record<string, string>;
      for (const id of PROGRAM_IDS) expect(programs[id], `${lang} programs.${id}`).toMatch(/\S/);
      for (const c of PROGRESSION_CHOICES) expect(progressions[c], `${lang} progressions.${c}`).toMatch(/\S/);
    });
  }
});
