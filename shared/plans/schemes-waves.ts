import type { Progression } from "../schemas/plan";
import { formatScheme } from "./format";
import { bestOneRepMax } from "./estimate";
import { roundLoadKg } from "./load-steps";
import { changedTo, gateFailure, hold, loadAt, lower, madeCount, mayProgress, raise } from "./moves";
import { loadOf, words } from "./reason-words";
import type { Scheme, SchemePrescription, SlotState } from "./state";
import type { PrescribedSet } from "./types";

type Wave531 = Extract<Progression, { kind: "wave_531" }>;
type Gzclp = Extract<Progression, { kind: "gzclp" }>;
type RirMeso = Extract<Progression, { kind: "rir_meso" }>;

/** Wendler's 5/3/1 weeks: percent of the training max and reps per set; the last set of weeks 1–3 is "+". */
export const WAVE_531_WEEKS = [
  { pcts: [65, 75, 85], reps: [5, 5, 5] },
  { pcts: [70, 80, 90], reps: [3, 3, 3] },
  { pcts: [75, 85, 95], reps: [5, 3, 1] },
  { pcts: [40, 50, 60], reps: [5, 5, 5] },
] as const;
/** Boring But Big: 5×10 at this percent of the training max. */
export const BBB_PCT = 50;
/** The training max is this share of the estimated 1RM. */
export const TRAINING_MAX_OF_1RM = 0.9;

/** 5/3/1: three waves and a deload on a training max that grows each cycle the reps are made. */
export const wave531: Scheme<Wave531> = {
  seedReps: () => 1,
  prescribe(p, state, ctx) {
    const week = WAVE_531_WEEKS[state.stage % 4]!;
    const deload = state.stage % 4 === 3;
    const sets: PrescribedSet[] = week.pcts.map((pct, i) => ({
      kind: deload ? "deload" : i === 2 ? "amrap" : "work",
      reps: week.reps[i]!,
      loadKg: loadAt(state.baseKg, pct, ctx),
    }));
    if (p.bbb && !deload) {
      for (let i = 0; i < 5; i++)
        sets.push({ kind: "supplemental", reps: 10, loadKg: loadAt(state.baseKg, BBB_PCT, ctx) });
    }
    const label = deload ? "deload week" : `week ${state.stage + 1} of 4`;
    const bbb = p.bbb && !deload ? `, then Boring But Big 5×10 at ${BBB_PCT} %` : "";
    const pcts = week.pcts.join("/");
    const params = { week: state.stage + 1, pcts, bbb: BBB_PCT };
    const code = deload ? "sets.wave531Deload" : p.bbb ? "sets.wave531Bbb" : "sets.wave531";
    return { sets, text: `5/3/1 ${label}: ${pcts} % of the training max${bbb}`, words: { code, params } };
  },
  advance(p, state, outcome, ctx) {
    const next = {
      ...state,
      stage: state.stage + 1,
      cycleMissed: state.cycleMissed || !outcome.allMade,
      cycleFormHeld: state.cycleFormHeld && outcome.form.ok,
    };
    if (state.stage % 4 < 3) return next;
    const reset = { ...next, stage: 0, cycleMissed: false, cycleFormHeld: true };
    if (next.cycleMissed) return lower(reset, 0.9, words("why.cycleMissed"), ctx);
    if (!next.cycleFormHeld) return hold(reset, words("why.cycleFormBroke"), ctx);
    return raise(reset, p.incrementKg, words("why.cycleMade"), outcome, ctx);
  },
};

const GZCLP_STAGES = {
  t1: [
    { sets: 5, reps: 3 },
    { sets: 6, reps: 2 },
    { sets: 10, reps: 1 },
  ],
  t2: [
    { sets: 3, reps: 10 },
    { sets: 3, reps: 8 },
    { sets: 3, reps: 6 },
  ],
} as const;
/** After the last stage fails, start again at this share (T1: of the estimated 5RM; T2: of the load). */
const GZCLP_RESTART = 0.85;

/** GZCLP: load up each session; a miss moves to the next stage at the same load; the last stage resets. */
export const gzclp: Scheme<Gzclp> = {
  seedReps: (p) => (p.tier === "t1" ? 5 : 10),
  prescribe(p, state, ctx) {
    const stage = GZCLP_STAGES[p.tier][state.stage]!;
    const amrap = p.tier === "t1";
    const sets: PrescribedSet[] = Array.from({ length: stage.sets }, (_, i) => ({
      kind: amrap && i === stage.sets - 1 ? "amrap" : "work",
      reps: stage.reps,
      loadKg: loadAt(state.baseKg, 100, ctx),
    }));
    return {
      sets,
      text: `GZCLP ${p.tier.toUpperCase()} stage ${state.stage + 1}: ${formatScheme(stage.sets, stage.reps, { amrap })}`,
      words: {
        code: "sets.gzclp",
        params: {
          tier: p.tier.toUpperCase(),
          stage: state.stage + 1,
          scheme: formatScheme(stage.sets, stage.reps, { amrap }),
        },
      },
    };
  },
  advance(p, state, outcome, ctx) {
    const stages = GZCLP_STAGES[p.tier];
    const now = formatScheme(stages[state.stage]!.sets, stages[state.stage]!.reps, {
      amrap: p.tier === "t1",
    });
    if (mayProgress(outcome.allMade, outcome))
      return raise(state, p.incrementKg, words("why.allDone", { scheme: now }), outcome, ctx);
    if (outcome.allMade)
      return hold(state, words("why.allDoneBut", { scheme: now, gate: gateFailure(outcome) }), ctx);
    if (state.stage < stages.length - 1) {
      const stage = stages[state.stage + 1]!;
      const nextScheme = formatScheme(stage.sets, stage.reps, { amrap: p.tier === "t1" });
      return {
        ...hold(
          state,
          words("why.stageMissed", { scheme: now, made: madeCount(outcome), next: nextScheme }),
          ctx,
        ),
        stage: state.stage + 1,
      };
    }
    if (p.tier === "t2") {
      return { ...lower(state, GZCLP_RESTART, words("why.t2Restart", { scheme: now }), ctx), stage: 0 };
    }
    // T1 restarts from a new 5-rep max; the best set of the failed session estimates it.
    const best = bestOneRepMax(outcome.performed);
    const fiveRmKg = best ? best.kg / (1 + 5 / 30) : state.baseKg!;
    const toKg = roundLoadKg(
      Math.min(state.baseKg!, fiveRmKg * GZCLP_RESTART),
      ctx.slot.load,
      ctx.profile,
      "down",
    )!;
    const why = words("why.t1Restart", { scheme: now, load: loadOf(fiveRmKg, ctx.profile) });
    return { ...changedTo(state, toKg, why, ctx), stage: 0 };
  },
};

/** Reps in reserve per mesocycle week; the week after the last is a deload. */
export const MESO_RIR = [3, 2, 1, 0] as const;
/** Deload week: half the sets at this percent of the load. */
const MESO_DELOAD_PCT = 60;

/**
 * The mesocycle week of a session in plan week `planWeek`: the stage moves on with the first session
 * of a new training week, so a lift trained twice a week does both at the same reps in reserve.
 */
function mesoStage(state: SlotState, planWeek: number): number {
  return state.stageWeek !== null && planWeek > state.stageWeek ? state.stage + 1 : state.stage;
}

/**
 * An RIR mesocycle: 3 → 2 → 1 → 0 reps in reserve, one step per week, then a deload week. The
 * load goes up once a week, after the lift's last session of the week, when every session of that
 * week made its reps at its reps in reserve with form held; the week's sessions share one load.
 */
export const rirMeso: Scheme<RirMeso> = {
  seedReps: (p) => p.reps,
  prescribe(p, state, ctx): SchemePrescription {
    const week = mesoStage(state, ctx.planWeek) % (MESO_RIR.length + 1);
    if (week === MESO_RIR.length) {
      const sets = Array.from({ length: Math.ceil(p.sets / 2) }, () => ({
        kind: "deload" as const,
        reps: p.reps,
        loadKg: loadAt(state.baseKg, MESO_DELOAD_PCT, ctx),
      }));
      return {
        sets,
        text: `Mesocycle deload week: half the sets at ${MESO_DELOAD_PCT} %`,
        words: { code: "sets.mesoDeload", params: { pct: MESO_DELOAD_PCT } },
      };
    }
    const rir = MESO_RIR[week]!;
    const sets = Array.from({ length: p.sets }, () => ({
      kind: "work" as const,
      reps: p.reps,
      rir,
      loadKg: loadAt(state.baseKg, 100, ctx),
    }));
    return {
      sets,
      text: `Mesocycle week ${week + 1} of ${MESO_RIR.length}: ${formatScheme(p.sets, p.reps)}, stop ${rir} reps short of failure`,
      words: {
        code: "sets.meso",
        params: { week: week + 1, weeks: MESO_RIR.length, scheme: formatScheme(p.sets, p.reps), rir },
      },
    };
  },
  advance(p, state, outcome, ctx) {
    const stage = mesoStage(state, ctx.planWeek);
    const week = stage % (MESO_RIR.length + 1);
    const newWeek = state.stageWeek !== ctx.planWeek;
    const next = { ...state, stage, stageWeek: ctx.planWeek, weekMissed: !newWeek && state.weekMissed };
    if (week === MESO_RIR.length) return hold(next, words("why.mesoDeload"), ctx);
    const target = MESO_RIR[week]!;
    const rir = outcome.rpeMax === null ? null : 10 - outcome.rpeMax;
    const scheme = formatScheme(p.sets, p.reps);
    const missed = { ...next, weekMissed: true };
    if (!outcome.allMade) return hold(missed, words("why.missed", { scheme, made: madeCount(outcome) }), ctx);
    if (!outcome.form.ok)
      return hold(missed, words("why.doneBut", { scheme, gate: outcome.form.failure }), ctx);
    if (rir !== null && rir < target)
      return hold(missed, words("why.rirUnder", { scheme, rir, target }), ctx);
    if (!ctx.lastOfWeek) return hold(next, words("why.weekWait", { scheme }), ctx);
    if (next.weekMissed) return hold(next, words("why.weekShort", { scheme }), ctx);
    return raise(
      next,
      p.incrementKg,
      rir === null ? words("why.weekDone", { scheme }) : words("why.weekDoneRir", { scheme, rir }),
      { ...outcome, rpeMax: null },
      ctx,
    );
  },
};
