import type { SetSummary } from "../../shared/form/types";
import { ROM_RATIO_MAX } from "../../shared/schemas/workout";
import { getDb } from "./database";
import { dayRange, localDay } from "./ids";
import { saveSet, startWorkout } from "./repository";
import type { SetRow } from "./records";

/** Optional load and effort the person adds to a camera-counted set. */
export interface CameraSetExtras {
  weightKg?: number | null;
  rpe?: number | null;
  nowMs?: number;
}

/**
 * Saves a set the camera counted, with each full rep's form score, faults and range (never any image),
 * into today's open workout, starting one if there is none. Resolves once committed.
 */
export async function saveCameraSet(summary: SetSummary, extras: CameraSetExtras = {}): Promise<SetRow> {
  const now = extras.nowMs ?? Date.now();
  const workoutId = (await openWorkoutToday(now)) ?? (await startWorkout({ nowMs: now })).id;
  const repForm = summary.repResults
    .filter((rep) => !rep.partial)
    .map((rep) => ({
      score: rep.score,
      faults: rep.faults.map((f) => f.id),
      // The plan's form gate compares each set's range with the person's usual one.
      ...(Number.isFinite(rep.romRatio) && { romRatio: Math.min(ROM_RATIO_MAX, Math.max(0, rep.romRatio)) }),
    }));
  return saveSet(
    {
      workoutId,
      exerciseId: summary.exerciseId,
      reps: summary.reps,
      weightKg: extras.weightKg ?? null,
      rpe: extras.rpe ?? null,
      source: "camera",
      repForm,
      durationMs: summary.holdMs ?? null,
    },
    now,
  );
}

async function openWorkoutToday(nowMs: number): Promise<string | undefined> {
  const { startMs, endMs } = dayRange(localDay(nowMs));
  const today = await getDb()
    .workouts.where("startedAt")
    .between(startMs, endMs)
    .reverse()
    .sortBy("startedAt");
  return today.find((w) => w.endedAt === undefined || w.endedAt === null)?.id;
}
