// One user's life in the soak: several devices editing the same log in simulated time (each step a
// few minutes), going offline for hours, syncing through faults, killed mid-work, deleting what
// another device edits. Conflicting edits of one field from two devices are kept further apart in
// true time than the clocks can disagree (2 × the largest skew), so "the later edit" is
// well-defined and the oracle can be exact; within that window a device edits something else.
import {
  deleteSet,
  deleteWorkout,
  finishWorkout,
  saveProfile,
  saveSet,
  startWorkout,
} from "../../web/db/repository";
import type { SoakDevice } from "./device.ts";

export interface ScenarioOptions {
  editsPerDevice: number;
  maxSkewMs: number;
  /** Least true time between two devices' edits of one field (default 2 × skew + 1 min; 0 lets them race). */
  conflictGapMs: number;
  random: () => number;
}

export interface UserSim {
  /** The user's true (simulated) time now. */
  simNow: number;
  devices: SoakDevice[];
  /** Last edit of each `entity:key:field` from any device: who and when (true time). */
  lastFieldEdit: Map<string, { device: string; atMs: number }>;
  edits: Map<string, number>;
  offlineUntilStep: Map<string, number>;
  skipped: number;
}

const pick = <T>(items: readonly T[], random: () => number): T | undefined =>
  items[Math.floor(random() * items.length)];

/**
 * Claims `field` of a record for `device` now, unless another device edited it less than the gap
 * ago. Check and claim happen in one synchronous step: devices act concurrently, and two of them
 * must not both pass the check within one moment (their edits would tie in true time).
 */
function claim(user: UserSim, opts: ScenarioOptions, device: string, fieldKey: string): boolean {
  const last = user.lastFieldEdit.get(fieldKey);
  if (last && last.device !== device && user.simNow - last.atMs <= opts.conflictGapMs) return false;
  user.lastFieldEdit.set(fieldKey, { device, atMs: user.simNow });
  return true;
}

/** One local write of a kind a person makes; false when nothing suitable could be edited now. */
async function writeSomething(user: UserSim, d: SoakDevice, opts: ScenarioOptions): Promise<boolean> {
  const { random } = opts;
  const workouts = await d.db.workouts.orderBy("startedAt").reverse().limit(4).toArray();
  const r = random();
  if (workouts.length === 0 || r < 0.08) {
    await d.write(() => startWorkout({ name: `Session ${Math.floor(random() * 1000)}` }));
    return true;
  }
  if (r < 0.45) {
    const workout = pick(workouts, random)!;
    await d.write(() =>
      saveSet({
        workoutId: workout.id,
        exerciseId: "Barbell_Full_Squat",
        reps: 1 + Math.floor(random() * 12),
        weightKg: 20 + Math.floor(random() * 100),
        rpe: null,
      }),
    );
    return true;
  }
  if (r < 0.72) {
    const sets = await d.db.sets.toArray();
    const set = pick(sets, random);
    const field = pick(["reps", "weightKg", "rpe"] as const, random)!;
    if (!set || !claim(user, opts, d.name, `set:${set.id}:${field}`)) return false;
    const value =
      field === "reps"
        ? 1 + Math.floor(random() * 15)
        : field === "rpe"
          ? 6 + Math.floor(random() * 5)
          : 20 + Math.floor(random() * 150);
    await d.write(() => saveSet({ ...set, [field]: value }));
    return true;
  }
  if (r < 0.8) {
    const workout = pick(workouts, random)!;
    if (!claim(user, opts, d.name, `workout:${workout.id}:endedAt`)) return false;
    await d.write(() => finishWorkout(workout.id));
    return true;
  }
  if (r < 0.88) {
    const field = pick(["weightKg", "trainingDays"] as const, random)!;
    if (!claim(user, opts, d.name, `profile:self:${field}`)) return false;
    const value = field === "weightKg" ? 60 + Math.floor(random() * 40) : 1 + Math.floor(random() * 6);
    await d.write(() => saveProfile({ [field]: value }));
    return true;
  }
  if (r < 0.96) {
    const set = pick(await d.db.sets.toArray(), random);
    if (!set) return false;
    await d.write(() => deleteSet(set.id));
    return true;
  }
  const workout = pick(workouts, random)!;
  await d.write(() => deleteWorkout(workout.id));
  return true;
}

/** What one device does in one step. */
async function act(user: UserSim, d: SoakDevice, step: number, opts: ScenarioOptions): Promise<void> {
  const { random } = opts;
  const offlineUntil = user.offlineUntilStep.get(d.name) ?? 0;
  if (offlineUntil <= step && random() < 0.01) {
    // A long stretch offline: 20–150 steps (about 1–10 hours of simulated time).
    user.offlineUntilStep.set(d.name, step + 20 + Math.floor(random() * 130));
  }
  d.online = (user.offlineUntilStep.get(d.name) ?? 0) <= step;
  const made = user.edits.get(d.name) ?? 0;
  if (made < opts.editsPerDevice && random() < 0.7) {
    // A write fails when its record went (a pulled delete) between choosing it and writing.
    const wrote = await writeSomething(user, d, opts).catch(() => false);
    if (!wrote) {
      user.skipped += 1;
      return;
    }
    user.edits.set(d.name, made + 1);
    const r = random();
    if (r < 0.03)
      await d.reopen(); // the tab is killed between the write and its sync
    else if (r < 0.6) await d.sync(); // the scheduler's sync 2 s after a write
    return;
  }
  const r = random();
  if (r < 0.03) await d.killDuringSync(Math.floor(random() * 40));
  else if (r < 0.35) await d.sync(); // the timer, or the app opened
}

/** Runs a user's devices until each has made its edits. */
export async function runUser(user: UserSim, opts: ScenarioOptions): Promise<void> {
  for (let step = 0; ; step++) {
    if (user.devices.every((d) => (user.edits.get(d.name) ?? 0) >= opts.editsPerDevice)) return;
    user.simNow += 60_000 + Math.floor(opts.random() * 180_000);
    await Promise.all(user.devices.map((d) => act(user, d, step, opts)));
    if (step > opts.editsPerDevice * 20) throw new Error(`user did not finish its edits in ${step} steps`);
  }
}
