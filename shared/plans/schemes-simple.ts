import type { Progression } from "../schemas/plan";
import { formatScheme } from "./format";
import { gateFailure, hold, loadAt, lower, madeCount, mayProgress, raise } from "./moves";
import { loadOf, words } from "./reason-words";
import type { Scheme } from "./state";

type Linear = Extract<Progression, { kind: "linear" }>;
type Double = Extract<Progression, { kind: "double" }>;
type RepSum = Extract<Progression, { kind: "rep_sum" }>;

/** Misses in a row at one load after which double progression and rep-sum drop 10 %. */
const MISSES_BEFORE_DROP = 3;

/** Linear progression: add load every session all sets are made; reset after `attempts` misses. */
export const linear: Scheme<Linear> = {
  seedReps: (p) => p.reps,
  prescribe: (p, state, ctx) => ({
    sets: Array.from({ length: p.sets }, () => ({
      kind: "work" as const,
      reps: p.reps,
      loadKg: loadAt(state.baseKg, 100, ctx),
    })),
    text: `${formatScheme(p.sets, p.reps)}: linear progression, more load each time every set is made`,
    words: { code: "sets.linear", params: { scheme: formatScheme(p.sets, p.reps) } },
  }),
  advance(p, state, outcome, ctx) {
    const scheme = formatScheme(p.sets, p.reps);
    if (mayProgress(outcome.allMade, outcome))
      return { ...raise(state, p.incrementKg, words("why.allDone", { scheme }), outcome, ctx), misses: 0 };
    if (outcome.allMade)
      return hold(state, words("why.allDoneBut", { scheme, gate: gateFailure(outcome) }), ctx);
    const misses = state.misses + 1;
    if (misses >= p.attempts) {
      const load = loadOf(state.baseKg!, ctx.profile);
      const why = words("why.linearReset", { scheme, misses, load, pct: p.resetPct });
      return { ...lower(state, p.resetPct / 100, why, ctx), misses: 0 };
    }
    const made = madeCount(outcome);
    const why = words("why.linearMissed", { scheme, made, attempt: misses + 1, attempts: p.attempts });
    return { ...hold(state, why, ctx), misses };
  },
};

/** Double progression: a rep range; load goes up only once every set reaches the top of it. */
export const double: Scheme<Double> = {
  seedReps: (p) => p.minReps,
  prescribe: (p, state, ctx) => ({
    sets: Array.from({ length: p.sets }, () => ({
      kind: "work" as const,
      reps: p.minReps,
      repsMax: p.maxReps,
      loadKg: loadAt(state.baseKg, 100, ctx),
    })),
    text: `${formatScheme(p.sets, p.minReps, { repsMax: p.maxReps })}: add reps until every set reaches ${p.maxReps}, then load`,
    words: {
      code: "sets.double",
      params: { scheme: formatScheme(p.sets, p.minReps, { repsMax: p.maxReps }), top: p.maxReps },
    },
  }),
  advance(p, state, outcome, ctx) {
    const work = outcome.performed.slice(0, p.sets);
    const atTop = outcome.allMade && work.length === p.sets && work.every((set) => set.reps >= p.maxReps);
    const reps = work.map((set) => set.reps).join(", ");
    if (mayProgress(atTop, outcome)) {
      return {
        ...raise(state, p.incrementKg, words("why.everySetReached", { reps: p.maxReps }), outcome, ctx),
        misses: 0,
      };
    }
    if (atTop)
      return hold(
        state,
        words("why.everySetReachedBut", { reps: p.maxReps, gate: gateFailure(outcome) }),
        ctx,
      );
    if (outcome.allMade)
      return { ...hold(state, words("why.notAtTop", { reps: p.maxReps, done: reps }), ctx), misses: 0 };
    const misses = state.misses + 1;
    if (misses >= MISSES_BEFORE_DROP) {
      return { ...lower(state, 0.9, words("why.underInARow", { reps: p.minReps, misses }), ctx), misses: 0 };
    }
    return { ...hold(state, words("why.setFellUnder", { reps: p.minReps, done: reps }), ctx), misses };
  },
};

/** Rep-sum progression: load goes up once the reps of all sets add up to the target. */
export const repSum: Scheme<RepSum> = {
  seedReps: (p) => Math.ceil(p.targetReps / p.sets),
  prescribe: (p, state, ctx) => ({
    sets: Array.from({ length: p.sets }, (_, i) => ({
      kind: i === p.sets - 1 ? ("amrap" as const) : ("work" as const),
      reps: Math.ceil(p.targetReps / p.sets),
      loadKg: loadAt(state.baseKg, 100, ctx),
    })),
    text: `${p.sets} sets adding up to ${p.targetReps} reps: more load once they do`,
    words: { code: "sets.repSum", params: { sets: p.sets, target: p.targetReps } },
  }),
  advance(p, state, outcome, ctx) {
    const atLoad = outcome.performed.slice(0, p.sets).filter((set, i) => {
      const target = ctx.prescribed.sets[i]?.loadKg ?? null;
      return target === null || (set.weightKg ?? 0) >= target - 0.5;
    });
    const total = atLoad.reduce((sum, set) => sum + set.reps, 0);
    const made = atLoad.length === p.sets && total >= p.targetReps;
    if (mayProgress(made, outcome))
      return {
        ...raise(
          state,
          p.incrementKg,
          words("why.repSumDone", { total, target: p.targetReps }),
          outcome,
          ctx,
        ),
        misses: 0,
      };
    if (made) return hold(state, words("why.repsDoneBut", { total, gate: gateFailure(outcome) }), ctx);
    const misses = state.misses + 1;
    if (misses >= MISSES_BEFORE_DROP)
      return {
        ...lower(state, 0.9, words("why.underInARow", { reps: p.targetReps, misses }), ctx),
        misses: 0,
      };
    return { ...hold(state, words("why.repsOf", { total, target: p.targetReps }), ctx), misses };
  },
};
