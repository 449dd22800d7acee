import { describe, expect, it } from "vitest";
import { recommend } from "./recommend";
import { doneAsPrescribed, drive, faulty, made, MONDAY, oneLiftPlan, sessionOn, type Doing } from "./testing";

const squat5x5 = oneLiftPlan(
  "Barbell_Full_Squat",
  { kind: "linear", sets: 3, reps: 5, incrementKg: 2.5, attempts: 3, resetPct: 90 },
  100,
);
const withRpe =
  (rpe: number): Doing =>
  (sets, id) =>
    made(sets, id)!.map((set) => ({ ...set, rpe }));

describe("form-aware autoregulation", () => {
  it("gives the reason for a raise in words: reps, effort and form", () => {
    const days = drive(squat5x5, [withRpe(8)]);
    expect(days[1]!.reasons.load).toBe("+2.5 kg: all 3×5 done at RPE ≤ 8 with form 90 ≥ 80");
  });

  it("holds the load when every rep is made but form breaks down, and says why", () => {
    const days = drive(squat5x5, [faulty("knee_valgus", 65)]);
    expect(days[1]!.baseKg).toBe(100);
    expect(days[1]!.reasons.load).toBe("Same 100 kg: all 3×5 done but form 65 < 80, faults on 15 of 15 reps");
  });

  it("holds the load after an RPE 10 grind", () => {
    expect(drive(squat5x5, [withRpe(10)])[1]!.baseKg).toBe(100);
  });

  it("lowers the load 10 % after two breakdowns in a row, and schedules a deload after a third in four", () => {
    const bad = faulty("knee_valgus", 60);
    const days = drive(squat5x5, [bad, bad, made, bad, made]);
    expect(days.map((d) => d.baseKg)).toEqual([100, 100, 90, 92.5, 92.5, 92.5]);
    expect(days[2]!.reasons.load).toContain("form broke down twice in a row at 100 kg");
    expect(days[4]!.reasons.load).toContain("Deload next");
    expect(days[4]!.sets.every((s) => s.kind === "deload" && s.loadKg === 55)).toBe(true);
    expect(days[5]!.reasons.load).toBe("Back to 92.5 kg after the deload");
  });

  it("adds the form engine's cue for a fault that recurs", () => {
    const days = drive(squat5x5, [faulty("knee_valgus", 85), faulty("knee_valgus", 85)]);
    expect(days[1]!.cue).toBeNull();
    expect(days[2]!.cue).toBe("Knees out");
    expect(days[2]!.corrective).toEqual({
      exerciseId: "Monster_Walk",
      faultId: "knee_valgus",
      why: "band walks strengthen the hips that keep the knees out",
    });
  });

  it("judges range of motion against the person's own", () => {
    const short: Doing = (sets, id) => doneAsPrescribed(id, sets, { score: 90, faults: [], romRatio: 0.7 });
    const full: Doing = (sets, id) => doneAsPrescribed(id, sets, { score: 90, faults: [], romRatio: 1 });
    const days = drive(squat5x5, [full, short]);
    expect(days.map((d) => d.baseKg)).toEqual([100, 102.5, 102.5]);
    expect(days[2]!.reasons.load).toContain("range 70 % of your usual");
  });

  it("takes a person's own usual range as full, and gates only a drop from it", () => {
    const at =
      (romRatio: number): Doing =>
      (sets, id) =>
        doneAsPrescribed(id, sets, { score: 90, faults: [], romRatio });
    // Someone who always reaches 80 % of the exercise's target still progresses at 80 %.
    const days = drive(squat5x5, [at(0.8), at(0.8), at(0.8), at(0.6), at(0.8)]);
    expect(days.map((d) => d.baseKg)).toEqual([100, 102.5, 105, 107.5, 107.5, 110]);
    expect(days[4]!.reasons.load).toBe("Same 107.5 kg: all 3×5 done but range 75 % of your usual");
  });
});

describe("sessions and skipped lifts", () => {
  it("never moves a lift that was left out of a session", () => {
    const plan = oneLiftPlan(
      "Barbell_Full_Squat",
      { kind: "linear", sets: 3, reps: 5, incrementKg: 2.5, attempts: 3, resetPct: 90 },
      100,
    );
    plan.days[0]!.slots.push({
      ...plan.days[0]!.slots[0]!,
      exerciseId: "Standing_Military_Press",
      startKg: 40,
    });
    const squatOnly = sessionOn(
      0,
      doneAsPrescribed("Barbell_Full_Squat", [
        { kind: "work", reps: 5, loadKg: 100 },
        { kind: "work", reps: 5, loadKg: 100 },
        { kind: "work", reps: 5, loadKg: 100 },
      ]),
    );
    const after = recommend({ plan, sessions: [squatOnly], profile: { units: "kg" }, today: "2026-11-03" });
    expect(after.today.exercises.map((e) => e.baseKg)).toEqual([102.5, 40]);
    expect(after.lifts.map((l) => [l.sessions, l.reason])).toEqual([
      [1, "+2.5 kg: all 3×5 done"],
      [0, "Starting load 40 kg, as set in the plan"],
    ]);
  });

  it("counts a camera set (the engine's exercise id) for the library exercise it coaches", () => {
    const camera = doneAsPrescribed(
      "squat",
      Array.from({ length: 3 }, () => ({ kind: "work" as const, reps: 5, loadKg: 100 })),
      { score: 90, faults: [] },
    );
    const next = recommend({
      plan: squat5x5,
      sessions: [sessionOn(0, camera)],
      profile: { units: "kg" },
      today: "2026-11-03",
    });
    expect(next.today.exercises[0]!.baseKg).toBe(102.5);
  });

  it("takes the first session's load when the plan had none, and raises it when every rep was made", () => {
    const plan = {
      ...squat5x5,
      days: [{ ...squat5x5.days[0]!, slots: [{ ...squat5x5.days[0]!.slots[0]!, startKg: null }] }],
    };
    const at60: Doing = (sets, id) => made(sets, id)!.map((set) => ({ ...set, weightKg: 60 }));
    const days = drive(plan, [at60]);
    expect(days[0]!.baseKg).toBeNull();
    expect(days[0]!.sets.every((s) => s.loadKg === null)).toBe(true);
    expect(days[1]!.baseKg).toBe(62.5);
    expect(days[1]!.reasons.load).toBe("+2.5 kg: all 3×5 done with form 90 ≥ 80");
  });

  it("seeds a training max at 90 % of the estimated 1RM logged before the plan", () => {
    const plan = oneLiftPlan("Barbell_Full_Squat", { kind: "wave_531", incrementKg: 5, bbb: false }, null);
    const before = {
      day: "2026-10-30",
      sets: [{ exerciseId: "Barbell_Full_Squat", reps: 5, weightKg: 100, rpe: null, repForm: [] }],
    };
    const today = recommend({ plan, sessions: [before], profile: { units: "kg" }, today: MONDAY }).today
      .exercises[0]!;
    // Epley: 100 × (1 + 5/30) = 116.7 kg; 90 % is 105 kg.
    expect(today.baseKg).toBe(105);
    expect(today.reasons.load).toBe(
      "Training max 105 kg: 90 % of your estimated 1RM of 116.7 kg (5 × 100 kg)",
    );
  });

  it("marks a skipped day and moves its session, unchanged, to the next training day", () => {
    const plan = { ...squat5x5, weekdays: [1, 3, 5] };
    const normal = recommend({ plan, sessions: [], profile: { units: "kg" }, today: MONDAY });
    const skipped = recommend({
      plan: { ...plan, skippedOn: [MONDAY] },
      sessions: [],
      profile: { units: "kg" },
      today: MONDAY,
    });
    expect(normal.today.status).toBe("planned");
    expect(skipped.today.status).toBe("skipped");
    expect(skipped.next.date).toBe("2026-11-04");
    expect(skipped.next.exercises).toEqual(normal.today.exercises);
  });
});
