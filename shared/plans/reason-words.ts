// The plan engine's words by code and parameters: why a lift's load is what it is, and what is wrong
// with a plan drafted by hand. The engine builds these; the
// English below is what scripts and tests read (reasonText), and the app words the same codes from
// its catalogue in the language on screen (web/features/plan/plan-words.ts), with the same filler.
import { formatChange, formatLoad } from "./format";
import type { PlanProfile } from "./types";

/** A load in the person's units; `signed` for a change ("+2.5 kg", "−5 lb"). */
export interface LoadValue {
  kg: number;
  units: "kg" | "lb";
  signed?: true;
}

export type ReasonParam = number | string | LoadValue | ReasonWords | ReasonWords[];

export interface ReasonWords {
  code: ReasonCode;
  params: Record<string, ReasonParam>;
}

/** Each code's English, `{{name}}` for a parameter (a list of words is joined with ", "). */
export const REASON_EN = {
  "load.raise": "{{change}}: {{what}}",
  "load.raiseEffort": "{{change}}: {{what}} {{effort}}",
  "load.hold": "Same {{load}}: {{why}}",
  "load.change": "{{change}}: {{why}}",
  "load.deloadNext": "Deload next: form broke down in {{count}} of your last {{window}} sessions ({{gate}})",
  "load.backAfterDeload": "Back to {{load}} after the deload",
  "load.bodyweight": "Bodyweight: no load to add",
  "load.noneYet": "No load yet: use one you can lift with good form, and the plan takes it from there",
  "load.startSet": "Starting load {{load}}, as set in the plan",
  "load.trainingMaxSet": "Training max {{load}}, as set in the plan",
  "load.trainingMaxFromMax": "Training max {{load}}: 90 % of {{source}}",
  "load.fromMax": "{{load}}: {{reps}} reps at RPE {{rpe}} ({{pct}} %) of {{source}}",
  "load.trainingMaxFirst": "Training max {{load}}: 90 % of the estimated 1RM from your first session",
  "load.first": "{{load}}: the load of your first session",
  "source.max": "your estimated 1RM of {{max}} ({{reps}} × {{weight}})",
  "effort.rpe": "at RPE ≤ {{rpe}}",
  "effort.form": "with form {{score}} ≥ {{min}}",
  "effort.both": "at RPE ≤ {{rpe}} with form {{score}} ≥ {{min}}",
  "gate.form": "form {{score}} < {{min}}",
  "gate.faults": "faults on {{faulty}} of {{reps}} reps",
  "gate.range": "range {{pct}} % of your usual",
  "gate.rpe": "RPE {{rpe}} > {{max}}",
  "why.made": "{{made}} of {{total}} sets made",
  "why.allDone": "all {{scheme}} done",
  "why.allDoneBut": "all {{scheme}} done but {{gate}}",
  "why.linearReset": "{{scheme}} missed {{misses}} times at {{load}}, reset to {{pct}} %",
  "why.linearMissed": "{{scheme}} missed ({{made}}), attempt {{attempt}} of {{attempts}} next",
  "why.everySetReached": "every set reached {{reps}} reps",
  "why.everySetReachedBut": "every set reached {{reps}} but {{gate}}",
  "why.notAtTop": "not every set at {{reps}} reps yet ({{done}})",
  "why.underInARow": "under {{reps}} reps {{misses}} sessions in a row",
  "why.setFellUnder": "a set fell under {{reps}} reps ({{done}})",
  "why.repSumDone": "{{total}} of {{target}} reps done",
  "why.repsDoneBut": "{{total}} reps done but {{gate}}",
  "why.repsOf": "{{total}} of {{target}} reps",
  "why.cycleMissed": "a set missed its reps this cycle, training max back 10 %",
  "why.cycleFormBroke": "form broke down this cycle, training max held",
  "why.cycleMade": "every set of the cycle made",
  "why.stageMissed": "{{scheme}} missed ({{made}}), on to {{next}}",
  "why.t2Restart": "{{scheme}} missed, back to 3×10 at 85 %",
  "why.t1Restart": "{{scheme}} missed, back to 5×3+ at 85 % of your estimated 5-rep max ({{load}})",
  "why.mesoDeload": "deload week, a new mesocycle next week",
  "why.missed": "{{scheme}} missed ({{made}})",
  "why.doneBut": "{{scheme}} done but {{gate}}",
  "why.rirUnder": "{{scheme}} done with {{rir}} reps in reserve, under the {{target}} planned",
  "why.weekWait": "{{scheme}} done; the load goes up after the week's last session",
  "why.weekShort": "{{scheme}} done, but a session this week fell short",
  "why.weekDone": "all {{scheme}} done this week",
  "why.weekDoneRir": "all {{scheme}} done this week with {{rir}} reps in reserve",
  "why.formTwice": "form broke down twice in a row at {{load}} ({{gate}})",
  "problem.sets": "{{lift}}: sets must be a whole number from 1 to 20",
  "problem.reps": "{{lift}}: reps must be a whole number from 1 to 100",
  "problem.repsMax": "{{lift}}: the top of the rep range must be a whole number from 1 to 100",
  "problem.rangeInverted": "{{lift}}: the top of the rep range ({{top}}) is under its bottom ({{bottom}})",
  "problem.startKg": "{{lift}}: the starting load must be from 0 to 1000 kg",
  "problem.step": "{{lift}}: the load step must be from 0 to 50 kg",
  "problem.name": "Give the plan a name",
  "problem.weekdays": "Pick at least one training day",
  "problem.noDays": "Add at least one day",
  "problem.dayName": "Day {{day}} needs a name",
  "problem.dayEmpty": "{{name}} needs at least one lift",
  "problem.unnamedDayEmpty": "Day {{day}} needs at least one lift",
  "problem.dayFull": "{{name}} has more than 20 lifts",
  "problem.unnamedDayFull": "Day {{day}} has more than 20 lifts",
  "problem.liftGone": "That lift is no longer in the plan",
  "problem.invalid": "Not a valid plan: {{detail}}",
} as const;

export type ReasonCode = keyof typeof REASON_EN;
export const REASON_CODES = Object.keys(REASON_EN) as ReasonCode[];

export const words = (code: ReasonCode, params: Record<string, ReasonParam> = {}): ReasonWords => ({
  code,
  params,
});

/** A load of the person's, for a reason's parameters. */
export const loadOf = (kg: number, profile: PlanProfile, signed = false): LoadValue =>
  signed ? { kg, units: profile.units, signed: true } : { kg, units: profile.units };

/** How a language writes what the words hold. */
export interface Wording {
  /** The code's text with its (already worded) parameters filled in. */
  fill(code: ReasonCode, params: Record<string, string>): string;
  load(value: LoadValue): string;
  number(value: number): string;
}

const isWords = (p: ReasonParam): p is ReasonWords =>
  typeof p === "object" && !Array.isArray(p) && "code" in p;

/** `words` in a language, parameters first (nested words and lists of them included). */
export function wordReason(w: ReasonWords, wording: Wording): string {
  const params: Record<string, string> = {};
  for (const [name, p] of Object.entries(w.params)) {
    params[name] =
      typeof p === "number"
        ? wording.number(p)
        : typeof p === "string"
          ? p
          : Array.isArray(p)
            ? p.map((item) => wordReason(item, wording)).join(", ")
            : isWords(p)
              ? wordReason(p, wording)
              : wording.load(p);
  }
  return wording.fill(w.code, params);
}

const ENGLISH: Wording = {
  fill: (code, params) => REASON_EN[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? ""),
  load: (value) => {
    const profile: PlanProfile = { units: value.units };
    return value.signed ? formatChange(value.kg, profile) : formatLoad(value.kg, profile);
  },
  number: (value) => String(value),
};

/** The words in English, as the engine's scripts and tests read them. */
export const reasonText = (w: ReasonWords): string => wordReason(w, ENGLISH);
