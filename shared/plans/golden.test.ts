import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { recommend } from "./recommend";
import { drive, made, missedLast, MONDAY, oneLiftPlan, sessionOn, type Doing } from "./testing";
import type { LoggedSession } from "./types";

const loads = (p: { sets: { loadKg: number | null }[] }) => p.sets.map((s) => s.loadKg);
const scheme = (p: { sets: { reps: number; kind: string }[] }) =>
  p.sets.map((s) => `${s.reps}${s.kind === "amrap" ? "+" : ""}`).join(" ");

describe("5/3/1 against Wendler's published table", () => {
  const plan = oneLiftPlan("Barbell_Full_Squat", { kind: "wave_531", incrementKg: 5, bbb: true }, 100);

  it("runs 65/75/85 ×5, 70/80/90 ×3, 75/85/95 ×5/3/1, deload 40/50/60, each with BBB 5×10 at 50 %", () => {
    const weeks = drive(plan, [made, made, made]);
    expect(weeks.map((w) => loads(w).slice(0, 3))).toEqual([
      [65, 75, 85],
      [70, 80, 90],
      [75, 85, 95],
      [40, 50, 60],
    ]);
    expect(weeks.map((w) => scheme(w).split(" ").slice(0, 3).join(" "))).toEqual([
      "5 5 5+",
      "3 3 3+",
      "5 3 1+",
      "5 5 5",
    ]);
    expect(loads(weeks[0]!).slice(3)).toEqual([50, 50, 50, 50, 50]);
    expect(weeks[0]!.sets.slice(3).every((s) => s.reps === 10 && s.kind === "supplemental")).toBe(true);
    expect(weeks[3]!.sets).toHaveLength(3);
  });

  it("raises the training max by its increment after a cycle with every set made", () => {
    const days = drive(plan, [made, made, made, made]);
    expect(days[4]!.baseKg).toBe(105);
    // A new cycle: 65/75/85 % of 105 kg, to the nearest 2.5 kg the plates allow
    expect(loads(days[4]!).slice(0, 3)).toEqual([67.5, 77.5, 90]);
    expect(days[4]!.reasons.load).toMatch(/^\+5 kg: every set of the cycle made/);
  });

  it("takes 10 % off the training max after a cycle with a missed set", () => {
    const days = drive(plan, [made, made, missedLast, made]);
    expect(days[4]!.baseKg).toBe(90);
  });
});

describe("GZCLP stage changes", () => {
  it("T1: a miss moves 5×3+ → 6×2+ → 10×1+ at the same load, then restarts from 85 % of a new 5RM", () => {
    const plan = oneLiftPlan("Barbell_Full_Squat", { kind: "gzclp", tier: "t1", incrementKg: 5 }, 100);
    const days = drive(plan, [made, missedLast, missedLast, missedLast]);
    expect(days.map(scheme)).toEqual([
      "3 3 3 3 3+",
      "3 3 3 3 3+",
      "2 2 2 2 2 2+",
      "1 1 1 1 1 1 1 1 1 1+",
      "3 3 3 3 3+",
    ]);
    expect(days.map((d) => d.baseKg)).toEqual([100, 105, 105, 105, 75]);
    expect(days[2]!.reasons.load).toContain("on to 6×2+");
    expect(days[4]!.reasons.load).toContain("85 % of your estimated 5-rep max");
  });

  it("T2: 3×10 → 3×8 → 3×6 on misses, back to 3×10 at 85 % after 3×6 fails", () => {
    const plan = oneLiftPlan(
      "Barbell_Bench_Press_-_Medium_Grip",
      { kind: "gzclp", tier: "t2", incrementKg: 2.5 },
      60,
    );
    const days = drive(plan, [made, missedLast, made, missedLast, missedLast]);
    expect(days.map(scheme)).toEqual(["10 10 10", "10 10 10", "8 8 8", "8 8 8", "6 6 6", "10 10 10"]);
    expect(days.map((d) => d.baseKg)).toEqual([60, 62.5, 62.5, 65, 65, 55]);
  });
});

describe("double progression", () => {
  const plan = oneLiftPlan(
    "Dumbbell_Bicep_Curl",
    { kind: "double", sets: 3, minReps: 8, maxReps: 12, incrementKg: 2 },
    12,
    "dumbbell",
  );
  const reps =
    (...counts: number[]): Doing =>
    (sets, id) =>
      made(sets, id)!.map((set, i) => ({ ...set, reps: counts[i]! }));

  it("waits until every set reaches the top of the range, then adds load and starts at the bottom", () => {
    const days = drive(plan, [reps(12, 12, 11), reps(12, 12, 12)]);
    expect(days.map((d) => d.baseKg)).toEqual([12, 12, 14]);
    expect(days[1]!.reasons.load).toBe("Same 12 kg: not every set at 12 reps yet (12, 12, 11)");
    expect(days[2]!.reasons.load).toBe("+2 kg: every set reached 12 reps with form 90 ≥ 80");
    expect(days[2]!.sets.map((s) => `${s.reps}–${s.repsMax}`)).toEqual(["8–12", "8–12", "8–12"]);
  });
});

describe("linear progression", () => {
  // 90 % of 102.5 kg is 92.25 kg, rounded down to what the plates make.
  it("adds load per made session and resets to 90 % after three misses at one load", () => {
    const plan = oneLiftPlan(
      "Barbell_Full_Squat",
      { kind: "linear", sets: 3, reps: 5, incrementKg: 2.5, attempts: 3, resetPct: 90 },
      100,
    );
    const days = drive(plan, [made, missedLast, missedLast, missedLast]);
    expect(days.map((d) => d.baseKg)).toEqual([100, 102.5, 102.5, 102.5, 90]);
    expect(days[1]!.reasons.load).toBe("+2.5 kg: all 3×5 done with form 90 ≥ 80");
  });
});

describe("RIR mesocycle", () => {
  /** Trains a one-lift meso on Mondays and Thursdays for `weeks` weeks, skipping `skipped` days. */
  function mesoWeeks(weeks: number, skipped: readonly number[] = [], loads: (number | null)[] = []) {
    const plan = {
      ...oneLiftPlan("Barbell_Full_Squat", { kind: "rir_meso", sets: 3, reps: 10, incrementKg: 2.5 }, 60),
      weekdays: [1, 4],
      skippedOn: skipped.map((i) => addDays(MONDAY, i)),
    };
    const sessions: LoggedSession[] = [];
    const seen: string[] = [];
    for (let i = 0; i < weeks * 7; i++) {
      const today = recommend({ plan, sessions, profile: { units: "kg" }, today: addDays(MONDAY, i) }).today;
      if (today.status !== "planned") continue;
      const sets = today.exercises[0]!.sets;
      loads.push(sets[0]!.kind === "deload" ? null : sets[0]!.loadKg);
      seen.push(sets[0]!.kind === "deload" ? `deload×${sets.length}` : `RIR ${sets[0]!.rir}`);
      sessions.push(sessionOn(i, made(sets, "Barbell_Full_Squat")!));
    }
    return seen;
  }

  it("steps reps in reserve 3 → 2 → 1 → 0 per week, not per session, then a deload week of half the sets", () => {
    expect(mesoWeeks(6)).toEqual([
      ...["RIR 3", "RIR 3"],
      ...["RIR 2", "RIR 2"],
      ...["RIR 1", "RIR 1"],
      ...["RIR 0", "RIR 0"],
      ...["deload×2", "deload×2"],
      ...["RIR 3", "RIR 3"],
    ]);
  });

  it("raises the load once a week, after the week's last session, not after every session", () => {
    const loads: (number | null)[] = [];
    mesoWeeks(6, [], loads);
    expect(loads).toEqual([60, 60, 62.5, 62.5, 65, 65, 67.5, 67.5, null, null, 70, 70]);
  });

  it("earns no load for a week in which one session fell short", () => {
    const plan = {
      ...oneLiftPlan("Barbell_Full_Squat", { kind: "rir_meso", sets: 3, reps: 10, incrementKg: 2.5 }, 60),
      weekdays: [1, 4],
    };
    // Monday's session misses a rep, Thursday's is made: week 2 stays at 60 kg.
    const sessions = [sessionOn(0, missedLast(mesoSets(plan, []), "Barbell_Full_Squat")!)];
    sessions.push(sessionOn(3, made(mesoSets(plan, sessions), "Barbell_Full_Squat")!));
    const next = recommend({ plan, sessions, profile: { units: "kg" }, today: addDays(MONDAY, 7) }).today;
    expect(next.exercises[0]!.sets[0]!.loadKg).toBe(60);
    expect(next.exercises[0]!.reasons.load).toBe("Same 60 kg: 3×10 done, but a session this week fell short");
  });

  /** Today's meso sets after `sessions`, on the day after the last of them. */
  function mesoSets(plan: Parameters<typeof recommend>[0]["plan"], sessions: LoggedSession[]) {
    const day = sessions.length ? addDays(sessions.at(-1)!.day, 3) : MONDAY;
    return recommend({ plan, sessions, profile: { units: "kg" }, today: day }).today.exercises[0]!.sets;
  }

  it("does not move on for a skipped day: the week's sessions are still done at its reps in reserve", () => {
    // Skip the first Thursday: that session moves to the next Monday and week 1 ends a day later.
    expect(mesoWeeks(3, [3]).slice(0, 4)).toEqual(["RIR 3", "RIR 3", "RIR 2", "RIR 2"]);
  });
});
