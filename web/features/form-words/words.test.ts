import { afterEach, describe, expect, it } from "vitest";
import { EXERCISES } from "../../../shared/form/exercises";
import { faultLabel, faultWhy } from "../../../shared/form/labels";
import { METRIC_LABELS } from "../../../shared/form/metric-labels";
import { METRIC_NAMES } from "../../../shared/form/metric-names";
import { EXERCISE_IDS, FAULT_IDS, type Phase, type SetSummary } from "../../../shared/form/types";
import { viewAdvice, viewAdviceItems } from "../../../shared/form/view-advice";
import { chooseLanguage, i18n, LANGUAGES } from "../../i18n";
import { faultWhyWords } from "./fault-why";
import { setSummaryText } from "./set-summary-text";
import { cueWord, exerciseWord, faultWord, phaseWord, viewAdviceWords } from "./words";

const PHASES: Phase[] = ["start", "away", "end", "return", "hold"];

afterEach(async () => {
  await chooseLanguage("en");
  localStorage.clear();
});

/** Every key the UI builds from an id the engine can produce. */
function keysFromEngineIds(): string[] {
  const keys = [
    ...EXERCISE_IDS.map((id) => `exercise.${id}`),
    ...FAULT_IDS.map((id) => `fault.${id}`),
    ...PHASES.map((p) => `phase.${p}`),
    ...(["side", "front", "oblique"] as const).map((v) => `view.${v}`),
  ];
  for (const exercise of Object.values(EXERCISES))
    for (const fault of exercise.faults) keys.push(`cue.${exercise.id}.${fault.id}`);
  for (const name of METRIC_NAMES) {
    const spec = METRIC_LABELS[name];
    keys.push(`metric.${name}`, `unit.${spec.unit}`);
    if (spec.sides) keys.push(...["subject", "negative", "positive"].map((k) => `sides.${name}.${k}`));
  }
  return keys;
}

describe("coaching words", () => {
  it("has every exercise, fault, cue, phase, view and measure the engine names, in every language", async () => {
    for (const lang of LANGUAGES) {
      await chooseLanguage(lang);
      const missing = keysFromEngineIds().filter(
        (key) => !i18n.exists(`form:${key}`, { lng: lang, fallbackLng: [] }),
      );
      expect(missing, lang).toEqual([]);
    }
  });

  it("says in English exactly what the engine says (one wording, two places)", () => {
    for (const exercise of Object.values(EXERCISES)) {
      expect(exerciseWord(exercise.id)).toBe(exercise.name);
      for (const fault of exercise.faults) {
        expect(cueWord(exercise.id, { faultId: fault.id, text: "" })).toBe(fault.cue);
        expect(faultWord(exercise.id, fault.id)).toBe(faultLabel(exercise.id, fault.id));
        expect(faultWhyWords(exercise.id, fault.id)).toBe(faultWhy(exercise.id, fault.id));
        expect(faultWhyWords(exercise.id, fault.id, -0.137)).toBe(faultWhy(exercise.id, fault.id, -0.137));
      }
    }
    const sideOn = [
      { tMs: 0, reps: 0, partialReps: 0, faults: [], unjudged: [], confidence: 1, metrics: {}, cues: [] },
    ].map((v) => ({ ...v, view: "front" as const }));
    expect(viewAdviceWords("push_up", viewAdviceItems("push_up", sideOn))).toBe(
      viewAdvice("push_up", sideOn),
    );
  });

  it("speaks German when German is chosen: cues, phases, faults with their measure", async () => {
    await chooseLanguage("de");
    expect(cueWord("squat", { faultId: "knee_valgus", text: "Knees out" })).toBe("Knie nach außen");
    expect(phaseWord("hold")).toBe("Halten");
    expect(faultWhyWords("push_up", "hips_sag", -13.2)).toMatch(
      /^Hüfte 13° unter der Linie Schulter–Knöchel; die Grenze/,
    );
    const summary: SetSummary = {
      exerciseId: "squat",
      reps: 1,
      partialReps: 0,
      repResults: [],
      holdMs: 12_500,
      faultCounts: {},
      averageScore: 81.6,
      heldFaults: [],
    };
    // The unit's short form is the platform's (ICU's) German: "s" or "Sek.".
    expect(setSummaryText(summary).split("\n")[0]).toMatch(
      /^Kniebeuge: 1 Wiederholung, Technik-Score 82, 12,5\s?(s|Sek\.) gehalten$/,
    );
  });
});
