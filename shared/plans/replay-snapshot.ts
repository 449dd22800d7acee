import * as v from "valibot";
import { LocalDateSchema, type Plan } from "../schemas/plan";
import type { ReplayCheckpoint } from "./replay";
import { rememberEntry, replayEntry, replayKey, type ReplayEntry, type ReplayStep } from "./replay-cache";
import { REASON_CODES, type ReasonWords } from "./reason-words";
import type { SlotState } from "./state";
import type { PlanProfile } from "./types";

/** Bumped whenever the stored shape or the engine's rules change, so older snapshots are replayed afresh. */
export const REPLAY_SNAPSHOT_FORMAT = 3;
/** A checkpoint is kept every this many sessions (and after the last), so an old edit replays from near it. */
const CHECKPOINT_EVERY = 32;

const u32 = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff));
const index = v.pipe(v.number(), v.integer(), v.minValue(0));
const finite = v.pipe(v.number(), v.finite());

const LoadValueSchema = v.strictObject({
  kg: finite,
  units: v.picklist(["kg", "lb"]),
  signed: v.optional(v.literal(true)),
});
const ReasonWordsSchema: v.GenericSchema<ReasonWords> = v.strictObject({
  code: v.picklist(REASON_CODES),
  params: v.record(
    v.string(),
    v.union([
      finite,
      v.string(),
      LoadValueSchema,
      v.lazy(() => ReasonWordsSchema),
      v.array(v.lazy(() => ReasonWordsSchema)),
    ]),
  ),
});

const SlotStateSchema = v.strictObject({
  baseKg: v.nullable(finite),
  reason: ReasonWordsSchema,
  stage: index,
  stageWeek: v.nullable(index),
  weekMissed: v.boolean(),
  misses: index,
  cycleMissed: v.boolean(),
  cycleFormHeld: v.boolean(),
  breakdowns: v.array(v.boolean()),
  deloadNext: v.boolean(),
  recentFaults: v.array(v.nullable(v.string())),
  sessions: index,
}) satisfies v.GenericSchema<SlotState>;

const CheckpointSchema = v.strictObject({
  states: v.array(v.tuple([v.string(), SlotStateSchema])),
  ranges: v.array(v.tuple([v.string(), v.array(finite)])),
  nextDayIndex: index,
  sessionsDone: index,
});

/** A plan's replay as kept in the device's database between visits (see {@link snapshotReplay}). */
export const ReplaySnapshotSchema = v.strictObject({
  format: v.literal(REPLAY_SNAPSHOT_FORMAT),
  key: v.string(),
  before: v.strictObject({ hi: u32, lo: u32 }),
  seeded: CheckpointSchema,
  steps: v.array(v.strictObject({ day: LocalDateSchema, hi: u32, lo: u32, dayIndex: v.nullable(index) })),
  /** Checkpoints after some steps, by step number (1 = after the first session). */
  checkpoints: v.array(v.tuple([index, CheckpointSchema])),
});
export type ReplaySnapshot = v.InferOutput<typeof ReplaySnapshotSchema>;
type StoredCheckpoint = v.InferOutput<typeof CheckpointSchema>;

const store = (c: ReplayCheckpoint): StoredCheckpoint => ({
  states: [...c.states],
  ranges: [...c.ranges].map(([id, values]) => [id, [...values]]),
  nextDayIndex: c.nextDayIndex,
  sessionsDone: c.sessionsDone,
});

const load = (c: StoredCheckpoint): ReplayCheckpoint => ({
  states: new Map(c.states),
  ranges: new Map(c.ranges),
  nextDayIndex: c.nextDayIndex,
  sessionsDone: c.sessionsDone,
});

/**
 * The last replay of `plan` in a form to keep between visits (structured-cloneable), or null when
 * it has not been replayed. Keeps every session's digest and a checkpoint every
 * {@link CHECKPOINT_EVERY} sessions and after the last, so opening the app replays only what changed.
 */
export function snapshotReplay(plan: Plan, profile: PlanProfile): ReplaySnapshot | null {
  const entry = replayEntry(replayKey(plan, profile));
  if (!entry) return null;
  const last = entry.steps.length;
  const checkpoints: ReplaySnapshot["checkpoints"] = [];
  entry.steps.forEach((step, i) => {
    const n = i + 1;
    if (step.after && (n % CHECKPOINT_EVERY === 0 || n === last)) checkpoints.push([n, store(step.after)]);
  });
  return {
    format: REPLAY_SNAPSHOT_FORMAT,
    key: entry.key,
    before: entry.before,
    seeded: store(entry.seeded),
    steps: entry.steps.map(({ day, hi, lo, dayIndex }) => ({ day, hi, lo, dayIndex })),
    checkpoints,
  };
}

/**
 * Gives the engine a replay kept by {@link snapshotReplay}, after validating it (a snapshot from an
 * older app version, or damaged, is ignored and the log is replayed afresh). One already
 * remembered in memory is newer and wins. Returns whether the snapshot was taken.
 */
export function restoreReplay(value: unknown): boolean {
  const parsed = v.safeParse(ReplaySnapshotSchema, value);
  if (!parsed.success || replayEntry(parsed.output.key)) return false;
  const snapshot = parsed.output;
  const kept = new Map(snapshot.checkpoints.map(([n, c]) => [n, c]));
  const steps: ReplayStep[] = snapshot.steps.map((step, i) => {
    const stored = kept.get(i + 1);
    return { ...step, after: stored ? load(stored) : null };
  });
  const entry: ReplayEntry = {
    key: snapshot.key,
    before: snapshot.before,
    seeded: load(snapshot.seeded),
    steps,
  };
  rememberEntry(entry);
  return true;
}
