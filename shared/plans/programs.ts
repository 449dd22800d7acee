import type { LocalDate, Plan, PlanDay, PlanSlot, Progression } from "../schemas/plan";

/** A built-in program: a plan's days without its dates. */
export interface Program {
  id: string;
  name: string;
  description: string;
  days: PlanDay[];
}

// Exercise library ids; the squat, press and curl are ones the camera coaches.
const SQUAT = "Barbell_Full_Squat";
const BENCH = "Barbell_Bench_Press_-_Medium_Grip";
const DEADLIFT = "Barbell_Deadlift";
const PRESS = "Standing_Military_Press";
const ROW = "Bent_Over_Barbell_Row";
const PULLDOWN = "Wide-Grip_Lat_Pulldown";
const DB_ROW = "One-Arm_Dumbbell_Row";
const RDL = "Romanian_Deadlift";
const CURL = "Dumbbell_Bicep_Curl";
const DB_BENCH = "Dumbbell_Bench_Press";
const LEG_PRESS = "Leg_Press";

/** Load steps: upper-body lifts move half as fast as lower-body ones. */
const UPPER_KG = 2.5;
const LOWER_KG = 5;

const slot = (
  exerciseId: string,
  load: PlanSlot["load"],
  progression: Progression,
  restS: number,
): PlanSlot => ({
  exerciseId,
  load,
  progression,
  startKg: null,
  restS,
});

const t1 = (id: string, inc: number) =>
  slot(id, "barbell", { kind: "gzclp", tier: "t1", incrementKg: inc }, 180);
const t2 = (id: string, inc: number) =>
  slot(id, "barbell", { kind: "gzclp", tier: "t2", incrementKg: inc }, 120);
const t3 = (id: string, load: PlanSlot["load"]) =>
  slot(id, load, { kind: "double", sets: 3, minReps: 15, maxReps: 25, incrementKg: UPPER_KG }, 60);
const wave = (id: string, inc: number) =>
  slot(id, "barbell", { kind: "wave_531", incrementKg: inc, bbb: true }, 180);
const lp = (id: string, sets: number, inc: number) =>
  slot(id, "barbell", { kind: "linear", sets, reps: 5, incrementKg: inc, attempts: 3, resetPct: 90 }, 180);
const dp = (id: string, load: PlanSlot["load"], inc: number) =>
  slot(id, load, { kind: "double", sets: 3, minReps: 8, maxReps: 12, incrementKg: inc }, 90);
const meso = (id: string, load: PlanSlot["load"], inc: number) =>
  slot(id, load, { kind: "rir_meso", sets: 3, reps: 10, incrementKg: inc }, 120);

/** The programs Spotter ships, from their published descriptions. */
export const PROGRAMS: readonly Program[] = [
  {
    id: "linear_5x5",
    name: "Linear 5×5",
    description: "Two alternating full-body days; more load every session all five fives are made.",
    days: [
      { name: "Day A", slots: [lp(SQUAT, 5, LOWER_KG), lp(BENCH, 5, UPPER_KG), lp(ROW, 5, UPPER_KG)] },
      { name: "Day B", slots: [lp(SQUAT, 5, LOWER_KG), lp(PRESS, 5, UPPER_KG), lp(DEADLIFT, 1, LOWER_KG)] },
    ],
  },
  {
    id: "gzclp",
    name: "GZCLP",
    description:
      "Tier 1 heavy triples with stages 5×3+ → 6×2+ → 10×1+, tier 2 volume 3×10 → 3×8 → 3×6, tier 3 pump work.",
    days: [
      { name: "Day A1", slots: [t1(SQUAT, LOWER_KG), t2(BENCH, UPPER_KG), t3(PULLDOWN, "machine")] },
      { name: "Day B1", slots: [t1(PRESS, UPPER_KG), t2(DEADLIFT, LOWER_KG), t3(DB_ROW, "dumbbell")] },
      { name: "Day A2", slots: [t1(BENCH, UPPER_KG), t2(SQUAT, LOWER_KG), t3(PULLDOWN, "machine")] },
      { name: "Day B2", slots: [t1(DEADLIFT, LOWER_KG), t2(PRESS, UPPER_KG), t3(DB_ROW, "dumbbell")] },
    ],
  },
  {
    id: "wendler_531_bbb",
    name: "5/3/1 Boring But Big",
    description:
      "Wendler's 5/3/1 waves on a 90 % training max with 5×10 at 50 %, a deload every fourth week.",
    days: [
      { name: "Press day", slots: [wave(PRESS, UPPER_KG)] },
      { name: "Deadlift day", slots: [wave(DEADLIFT, LOWER_KG)] },
      { name: "Bench day", slots: [wave(BENCH, UPPER_KG)] },
      { name: "Squat day", slots: [wave(SQUAT, LOWER_KG)] },
    ],
  },
  {
    id: "upper_lower_double",
    name: "Upper/lower, double progression",
    description: "Four days of 3×8–12; load goes up only once every set reaches 12 reps.",
    days: [
      {
        name: "Upper",
        slots: [
          dp(DB_BENCH, "dumbbell", UPPER_KG),
          dp(DB_ROW, "dumbbell", UPPER_KG),
          dp(CURL, "dumbbell", UPPER_KG),
        ],
      },
      {
        name: "Lower",
        slots: [
          dp(SQUAT, "barbell", LOWER_KG),
          dp(RDL, "barbell", LOWER_KG),
          dp(LEG_PRESS, "machine", LOWER_KG),
        ],
      },
    ],
  },
  {
    id: "hypertrophy_meso",
    name: "Hypertrophy mesocycle",
    description: "Reps in reserve step 3 → 2 → 1 → 0 over four weeks, then a deload week.",
    days: [
      {
        name: "Upper",
        slots: [
          meso(BENCH, "barbell", UPPER_KG),
          meso(PULLDOWN, "machine", UPPER_KG),
          meso(CURL, "dumbbell", UPPER_KG),
        ],
      },
      {
        name: "Lower",
        slots: [
          meso(SQUAT, "barbell", LOWER_KG),
          meso(RDL, "barbell", LOWER_KG),
          meso(LEG_PRESS, "machine", LOWER_KG),
        ],
      },
    ],
  },
];

/** The built-in program with this id, if any. */
export const programById = (id: string): Program | undefined => PROGRAMS.find((p) => p.id === id);

/** A new active plan following `program` from `startedOn`, on `weekdays` (1 = Monday). */
export function planFromProgram(
  program: Program,
  input: { id: string; startedOn: LocalDate; weekdays: number[]; nowMs: number },
): Plan {
  return {
    id: input.id,
    name: program.name,
    programId: program.id,
    startedOn: input.startedOn,
    weekdays: [...input.weekdays].sort((a, b) => a - b),
    days: program.days.map((day) => ({
      ...day,
      slots: day.slots.map((s) => ({ ...s, progression: { ...s.progression } })),
    })),
    skippedOn: [],
    active: true,
    updatedAt: input.nowMs,
  };
}
