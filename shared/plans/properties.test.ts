import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plan, PlanSlot } from "../schemas/plan";
import { addDays } from "./dates";
import { isReachableKg } from "./load-steps";
import { PROGRAMS } from "./programs";
import { recommend } from "./recommend";
import { doneAsPrescribed, MONDAY, oneLiftPlan, sessionOn } from "./testing";
import type { LoggedSession, LoggedSet, PlanProfile, PrescribedSet } from "./types";

const slots: PlanSlot[] = PROGRAMS.flatMap((p) => p.days.flatMap((d) => d.slots)).filter(
  (s) => s.load !== "bodyweight",
);
const slotArb = fc.constantFrom(...slots);
const profileArb: fc.Arbitrary<PlanProfile> = fc.oneof(
  fc.constant<PlanProfile>({ units: "kg" }),
  fc.constant<PlanProfile>({ units: "lb" }),
  fc.record({
    units: fc.constantFrom("kg" as const, "lb" as const),
    barKg: fc.constantFrom(15, 20, 10),
    platesKg: fc.subarray([20, 10, 5, 2.5, 1.25, 0.5], { minLength: 1 }),
  }),
);
/** How a session goes: as prescribed, a rep short somewhere, form breaking down, or not done. */
type Kind = "made" | "miss" | "bad_form" | "skip";
const kindArb = fc.constantFrom<Kind>("made", "made", "miss", "bad_form", "skip");

function perform(
  kind: Kind,
  exerciseId: string,
  sets: readonly PrescribedSet[],
  missAt: number,
): LoggedSet[] {
  const clean = { score: 90, faults: [] };
  if (kind === "bad_form") return doneAsPrescribed(exerciseId, sets, { score: 55, faults: ["knee_valgus"] });
  const done = doneAsPrescribed(exerciseId, sets, clean);
  if (kind === "miss") {
    // A rep short on one set, and the rep-sum total one short too.
    const i = missAt % done.length;
    done[i] = { ...done[i]!, reps: Math.max(0, done[i]!.reps - 1) };
  }
  return done;
}

function planOf(slot: PlanSlot, startKg: number): Plan {
  return oneLiftPlan(slot.exerciseId, slot.progression, startKg, slot.load);
}

/** Runs `kinds` one per day and returns each day's prescription of the lift. */
function run(plan: Plan, kinds: readonly Kind[], profile: PlanProfile, missAt: number) {
  const sessions: LoggedSession[] = [];
  const seen = [];
  for (let i = 0; i <= kinds.length; i++) {
    const p = recommend({ plan, sessions, profile, today: addDays(MONDAY, i) }).today.exercises[0]!;
    seen.push(p);
    const kind = kinds[i];
    if (kind && kind !== "skip") sessions.push(sessionOn(i, perform(kind, p.exerciseId, p.sets, missAt)));
  }
  return seen;
}

describe("plan engine properties", () => {
  it("never raises a load after a missed rep or a failed form gate", () => {
    fc.assert(
      fc.property(
        slotArb,
        fc.integer({ min: 40, max: 200 }),
        fc.array(kindArb, { maxLength: 10 }),
        fc.constantFrom<Kind>("miss", "bad_form"),
        profileArb,
        fc.nat(),
        (slot, startKg, history, last, profile, missAt) => {
          const seen = run(planOf(slot, startKg), [...history, last], profile, missAt);
          const before = seen.at(-2)!;
          const after = seen.at(-1)!;
          // A deload session is not judged, so it cannot count as a miss.
          fc.pre(!before.sets.some((s) => s.kind === "deload"));
          expect(after.baseKg!).toBeLessThanOrEqual(before.baseKg!);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("prescribes only loads the person's bar and plates can make", () => {
    fc.assert(
      fc.property(
        slotArb,
        fc.integer({ min: 20, max: 250 }),
        fc.array(kindArb, { maxLength: 8 }),
        profileArb,
        fc.nat(),
        (slot, startKg, kinds, profile, missAt) => {
          for (const p of run(planOf(slot, startKg), kinds, profile, missAt)) {
            for (const set of p.sets) expect(isReachableKg(set.loadKg!, slot.load, profile)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a skipped day changes nothing: the same session comes on the next training day", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROGRAMS),
        fc.array(kindArb, { maxLength: 8 }),
        fc.nat(),
        (program, kinds, missAt) => {
          const plan: Plan = {
            ...oneLiftPlan("x", slots[0]!.progression, 100),
            days: program.days.map((d) => ({ ...d, slots: d.slots.map((s) => ({ ...s, startKg: 60 })) })),
          };
          const profile: PlanProfile = { units: "kg" };
          const sessions: LoggedSession[] = [];
          kinds.forEach((kind, i) => {
            if (kind === "skip") return;
            const day = recommend({ plan, sessions, profile, today: addDays(MONDAY, i) }).today;
            sessions.push(
              sessionOn(
                i,
                day.exercises.flatMap((e) => perform(kind, e.exerciseId, e.sets, missAt)),
              ),
            );
          });
          const today = addDays(MONDAY, kinds.length);
          const normal = recommend({ plan, sessions, profile, today });
          const skipped = recommend({ plan: { ...plan, skippedOn: [today] }, sessions, profile, today });
          expect(skipped.today.status).toBe("skipped");
          expect(skipped.next.date).toBe(addDays(today, 1));
          expect(skipped.next.exercises).toEqual(normal.today.exercises);
        },
      ),
      { numRuns: 60 },
    );
  });
});
