import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { planFromProgram, PROGRAMS } from "./programs";
import { recommend } from "./recommend";
import { replayPlan, type PlanReplay } from "./replay";
import { clearReplayCache, replayPlanCached } from "./replay-cache";
import { REPLAY_SNAPSHOT_FORMAT, restoreReplay, snapshotReplay } from "./replay-snapshot";
import { MONDAY, PLAN_ID } from "./testing";
import type { LoggedSession, LoggedSet, PlanProfile } from "./types";

const plans = PROGRAMS.map((program, i) =>
  planFromProgram(program, {
    id: `${PLAN_ID.slice(0, -1)}${i}`,
    startedOn: MONDAY,
    weekdays: [1, 3, 5],
    nowMs: 0,
  }),
);
const exercises = [...new Set(plans.flatMap((p) => p.days.flatMap((d) => d.slots.map((s) => s.exerciseId))))];

const repArb = fc.record(
  {
    score: fc.integer({ min: 40, max: 100 }),
    faults: fc.constantFrom([], [], ["knee_valgus"], ["butt_wink", "knee_valgus"]),
    romRatio: fc.constantFrom(0.7, 0.85, 0.95, 1, 1.05),
  },
  { requiredKeys: ["score", "faults"] },
);
const setArb: fc.Arbitrary<LoggedSet> = fc.record({
  exerciseId: fc.constantFrom(...exercises, "Plank", "squat"),
  reps: fc.integer({ min: 0, max: 12 }),
  weightKg: fc.constantFrom(null, 20, 40, 60, 62.5, 80, 100),
  rpe: fc.constantFrom(null, 7, 8, 9.5, 10),
  repForm: fc.oneof(fc.constant([]), fc.array(repArb, { minLength: 1, maxLength: 6 })),
});
const sessionArb = (fromDay: number): fc.Arbitrary<LoggedSession> =>
  fc.record({
    day: fc.integer({ min: fromDay, max: 120 }).map((d) => addDays(MONDAY, d)),
    sets: fc.array(setArb, { minLength: 1, maxLength: 8 }),
  });

/** What a person does to their log between two looks at the plan. */
type Edit =
  | { kind: "append"; session: LoggedSession }
  | { kind: "add_set"; set: LoggedSet }
  | { kind: "change_set"; at: number; reps: number }
  | { kind: "delete"; at: number };
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("append" as const), session: sessionArb(-20) }),
  fc.record({ kind: fc.constant("add_set" as const), set: setArb }),
  fc.record({
    kind: fc.constant("change_set" as const),
    at: fc.nat(),
    reps: fc.integer({ min: 0, max: 12 }),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
);

/** Applies an edit to fresh objects, as the app reads the log afresh from its database. */
function apply(log: readonly LoggedSession[], edit: Edit): LoggedSession[] {
  const copy = structuredClone(log) as LoggedSession[];
  if (edit.kind === "append") return [...copy, edit.session];
  if (copy.length === 0) return copy;
  const at = "at" in edit ? edit.at % copy.length : copy.length - 1;
  const session = copy[at]!;
  if (edit.kind === "delete") return copy.filter((_, i) => i !== at);
  if (edit.kind === "add_set") return copy.with(at, { ...session, sets: [...session.sets, edit.set] });
  const sets = session.sets.map((set, i) => (i === 0 ? { ...set, reps: edit.reps } : set));
  return copy.with(at, { ...session, sets });
}

const plain = (r: PlanReplay) => JSON.stringify({ ...r, states: [...r.states] });

describe("incremental replay", () => {
  it("gives exactly the full replay after every edit of a random log", () => {
    fc.assert(
      fc.property(
        fc.array(sessionArb(-20), { maxLength: 30 }),
        fc.array(fc.tuple(editArb, fc.nat(plans.length - 1)), { minLength: 1, maxLength: 12 }),
        fc.constantFrom<PlanProfile>({ units: "kg" }, { units: "lb" }, { units: "kg", platesKg: [20, 5] }),
        (start, edits, profile) => {
          clearReplayCache();
          let log = start;
          for (const [edit, p] of edits) {
            log = apply(log, edit);
            const plan = plans[p]!;
            expect(plain(replayPlanCached(plan, log, profile))).toBe(plain(replayPlan(plan, log, profile)));
          }
        },
      ),
      { numRuns: 80 },
    );
  }, 30_000);

  it("recommends the same with a warm cache as from a cold start", () => {
    fc.assert(
      fc.property(
        fc.array(sessionArb(0), { minLength: 1, maxLength: 40 }),
        fc.nat(plans.length - 1),
        fc.array(setArb, { minLength: 1, maxLength: 4 }),
        (log, p, more) => {
          const input = { plan: plans[p]!, profile: { units: "kg" as const }, today: addDays(MONDAY, 121) };
          clearReplayCache();
          recommend({ ...input, sessions: log });
          const grown = apply(log, { kind: "append", session: { day: addDays(MONDAY, 121), sets: more } });
          const warm = JSON.stringify(recommend({ ...input, sessions: grown }));
          clearReplayCache();
          expect(warm).toBe(JSON.stringify(recommend({ ...input, sessions: grown })));
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it("is not fooled by a set changed in place after it was replayed", () => {
    const plan = plans[0]!;
    const profile: PlanProfile = { units: "kg" };
    const set: LoggedSet = { exerciseId: exercises[0]!, reps: 5, weightKg: 60, rpe: null, repForm: [] };
    const log: LoggedSession[] = [{ day: MONDAY, sets: [set] }];
    clearReplayCache();
    replayPlanCached(plan, log, profile);
    set.reps = 0;
    expect(plain(replayPlanCached(plan, log, profile))).toBe(plain(replayPlan(plan, log, profile)));
  });

  it("gives exactly the full replay when resumed from a stored snapshot after random edits", () => {
    fc.assert(
      fc.property(
        fc.array(sessionArb(-20), { maxLength: 80 }),
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        fc.nat(plans.length - 1),
        (start, edits, p) => {
          const plan = plans[p]!;
          const profile: PlanProfile = { units: "kg" };
          clearReplayCache();
          replayPlanCached(plan, start, profile);
          // As the app keeps it in IndexedDB: a structured clone, read back on the next visit.
          const stored = structuredClone(snapshotReplay(plan, profile));
          const log = edits.reduce(apply, start);
          clearReplayCache();
          expect(restoreReplay(stored)).toBe(true);
          expect(plain(replayPlanCached(plan, log, profile))).toBe(plain(replayPlan(plan, log, profile)));
        },
      ),
      { numRuns: 80 },
    );
  }, 30_000);

  it("ignores a damaged or older snapshot and replays the log afresh", () => {
    const plan = plans[0]!;
    const profile: PlanProfile = { units: "kg" };
    const log: LoggedSession[] = [
      { day: MONDAY, sets: [{ exerciseId: exercises[0]!, reps: 5, weightKg: 60, rpe: null, repForm: [] }] },
    ];
    clearReplayCache();
    replayPlanCached(plan, log, profile);
    const snapshot = snapshotReplay(plan, profile)!;
    clearReplayCache();
    expect(restoreReplay({ ...snapshot, format: 1 })).toBe(false);
    expect(restoreReplay({ ...snapshot, steps: [{ day: "yesterday", hi: 1, lo: 2, dayIndex: 0 }] })).toBe(
      false,
    );
    expect(restoreReplay("not a snapshot")).toBe(false);
    expect(plain(replayPlanCached(plan, log, profile))).toBe(plain(replayPlan(plan, log, profile)));
  });

  it("resumes from the stored checkpoint instead of replaying the whole log", () => {
    const plan = plans[0]!;
    const profile: PlanProfile = { units: "kg" };
    const lift = plan.days[0]!.slots[0]!.exerciseId;
    const log: LoggedSession[] = Array.from({ length: 40 }, (_, i) => ({
      day: addDays(MONDAY, i * 2),
      sets: [{ exerciseId: lift, reps: 5, weightKg: 60, rpe: null, repForm: [] }],
    }));
    clearReplayCache();
    replayPlanCached(plan, log, profile);
    const stored = structuredClone(snapshotReplay(plan, profile)!);
    expect(stored.checkpoints.map(([n]) => n)).toEqual([32, 40]);
    // A marker in the last checkpoint shows through only if the replay starts from it.
    const last = stored.checkpoints.at(-1)![1];
    const marker = { code: "load.first" as const, params: { load: { kg: 123.25, units: "kg" as const } } };
    last.states = last.states.map(([key, state]) => [key, { ...state, reason: marker }]);
    clearReplayCache();
    restoreReplay(stored);
    const resumed = replayPlanCached(plan, log, profile);
    expect([...resumed.states.values()].map((s) => s.reason)).toContainEqual(marker);
  });

  it("has its snapshot format bumped when the engine's results change (a kept replay would be stale)", () => {
    // Four weeks of every built-in program, one set per lift a little over what was asked.
    const replays = plans.map((plan) => {
      const log: LoggedSession[] = Array.from({ length: 12 }, (_, i) => ({
        day: addDays(MONDAY, Math.floor((i * 7) / 3)),
        sets: plan.days[i % plan.days.length]!.slots.map((slot, j) => ({
          exerciseId: slot.exerciseId,
          reps: 5 + ((i + j) % 8),
          weightKg: 40 + i * 2.5,
          rpe: i % 3 === 0 ? 8 : null,
          repForm: i % 2 ? [{ score: 70 + i, faults: i % 4 ? [] : ["knee_valgus"], romRatio: 0.9 }] : [],
        })),
      }));
      return plain(replayPlan(plan, log, { units: "kg" }));
    });
    let hash = 0x811c9dc5;
    for (const ch of replays.join("\n")) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
    // When this fails, the engine's rules or words changed: bump REPLAY_SNAPSHOT_FORMAT, then
    // record the new hash here, so devices replay afresh instead of restoring stale checkpoints.
    expect({ format: REPLAY_SNAPSHOT_FORMAT, hash: hash >>> 0 }).toEqual({ format: 3, hash: 245327050 });
  });
});
