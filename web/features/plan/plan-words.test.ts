import { describe, expect, it } from "vitest";
import {
  CORRECTIVES,
  PLAN_WORD_CODES,
  PROGRAMS,
  PROGRESSION_CHOICES,
  REASON_CODES,
  REASON_EN,
} from "../../../shared/plans";
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
      const [sets, rest] = [catalogue.reasons.sets, catalogue.reasons.rest] as Record<string, string>[];
      for (const code of PLAN_WORD_CODES) {
        const [group, key] = code.split(".") as [string, string];
        expect((group === "sets" ? sets : rest)![key], `${lang} reasons.${code}`).toMatch(/\S/);
      }
      const loadReasons = catalogue.loadReasons as Record<string, Record<string, string>>;
      for (const code of REASON_CODES) {
        const [group, key] = code.split(".") as [string, string];
        const text = loadReasons[group]?.[key];
        expect(text, `${lang} loadReasons.${code}`).toMatch(/\S/);
        // English is the engine's own text, so scripts and the page never disagree.
        if (lang === "en") expect(text, `en loadReasons.${code}`).toBe(REASON_EN[code]);
      }
      const correctives = catalogue.correctives as Record<string, string>;
      for (const fault of Object.keys(CORRECTIVES))
        expect(correctives[fault], `${lang} correctives.${fault}`).toMatch(/\S/);
    });
  }
});

describe("the plan engine's words on the page", () => {
  it("says the same in English as the engine does", async () => {
    const { planFromProgram, programById, recommend } = await import("../../../shared/plans");
    const { planWords } = await import("./plan-words");
    const plan = planFromProgram(programById("wendler_531_bbb")!, {
      id: "01937a2b-8c4d-7e5f-9a6b-1c2d3e4f5a6b",
      startedOn: "2026-11-02",
      weekdays: [1, 3, 5],
      nowMs: 0,
    });
    const today = recommend({ plan, sessions: [], profile: { units: "kg" }, today: "2026-11-02" }).today;
    const [lift] = today.exercises;
    expect(planWords(lift!.reasons.words.sets)).toBe(lift!.reasons.sets);
    expect(planWords(lift!.reasons.words.rest)).toBe(lift!.reasons.rest);
  });
});

describe("load reasons on the page", () => {
  it("word a raise and a hold by form as the engine does in English, and in German", async () => {
    const { drive, faulty, made, oneLiftPlan } = await import("../../../shared/plans/testing");
    const { planText } = await import("./plan-words");
    const { chooseLanguage } = await import("../../i18n");
    const plan = oneLiftPlan(
      "Barbell_Full_Squat",
      { kind: "linear", sets: 3, reps: 5, incrementKg: 2.5, attempts: 3, resetPct: 90 },
      100,
    );
    const held = drive(plan, [faulty("knee_valgus", 65)])[1]!.reasons;
    const raised = drive(plan, [(sets, id) => made(sets, id)!.map((set) => ({ ...set, rpe: 8.5 }))])[1]!
      .reasons;
    expect(planText(held.words.load)).toBe(held.load);
    expect(planText(raised.words.load)).toBe("+2.5 kg: all 3×5 done at RPE ≤ 8.5 with form 90 ≥ 80");
    await chooseLanguage("de");
    try {
      expect(planText(held.words.load)).toMatch(
        /^Bleibt bei 100\skg: alle 3×5 geschafft, aber Technik 65 < 80, Fehler bei 15 von 15 Wiederholungen$/,
      );
      const { draftProblems } = await import("../../../shared/plans");
      const empty = draftProblems({ name: " ", weekdays: [], days: [{ name: "", lifts: [] }] });
      expect(empty.map(planText)).toEqual([
        "Gib dem Plan einen Namen",
        "Wähle mindestens einen Trainingstag",
        "Tag 1 braucht einen Namen",
        "Tag 1 braucht mindestens eine Übung",
      ]);
      expect(planText(raised.words.load)).toMatch(
        /^\+2,5\skg: alle 3×5 geschafft bei RPE ≤ 8,5 mit Technik 90 ≥ 80$/,
      );
    } finally {
      await chooseLanguage("en");
    }
  });
});
