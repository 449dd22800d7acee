import { allSets, getDb, validRows } from "../../db";
import { localDay } from "../../db/ids";
import type { LoggedSession } from "../../../shared/plans";

/** The whole log as the plan engine reads it: one session per workout, on its local day, sets in order. */
export async function loadLoggedSessions(): Promise<LoggedSession[]> {
  const [workouts, sets] = await Promise.all([
    getDb()
      .workouts.toArray()
      .then((rows) => validRows("workout", rows)),
    allSets(),
  ]);
  const byWorkout = new Map<string, typeof sets>();
  for (const set of sets) {
    if (set.deletedAt !== undefined) continue;
    const group = byWorkout.get(set.workoutId);
    if (group) group.push(set);
    else byWorkout.set(set.workoutId, [set]);
  }
  return workouts
    .filter((w) => w.deletedAt === undefined && byWorkout.has(w.id))
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((w) => ({
      day: localDay(w.startedAt),
      sets: byWorkout.get(w.id)!.sort((a, b) => a.order - b.order),
    }));
}
