import { useEffect, useState } from "react";
import { getDb } from "../../db";
import type { Plan } from "../../../shared/schemas/plan";
import { restoreReplay, snapshotReplay, type PlanProfile } from "../../../shared/plans";

/** How long after a recommendation its replay is written: a burst of logged sets writes once. */
const SAVE_AFTER_MS = 1500;

/**
 * Reads the plan engine's replay kept from the last visit (validated by the engine, which replays
 * the log afresh when it is missing, old or damaged). True once read for `planId`, or with no plan.
 */
export function useKeptReplay(planId: string | undefined): boolean {
  const [readFor, setReadFor] = useState<string | null>(null);
  useEffect(() => {
    if (planId === undefined) return;
    let live = true;
    getDb()
      .planCheckpoints.get(planId)
      .then((row) => row && restoreReplay(row.snapshot))
      .catch((err: unknown) =>
        console.warn("Plan: the kept replay could not be read; replaying the log", err),
      )
      .finally(() => live && setReadFor(planId));
    return () => {
      live = false;
    };
  }, [planId]);
  return planId === undefined || readFor === planId;
}

/**
 * Keeps the engine's replay of `plan` in the device's database a moment after each recommendation,
 * so the next visit replays only what changed. Derived from the log: never synced, and losing it
 * only costs one whole replay.
 */
export function useKeepReplay(
  plan: Plan | undefined,
  profile: PlanProfile | undefined,
  after: unknown,
): void {
  useEffect(() => {
    if (!plan || !profile || after === null) return;
    const timer = setTimeout(() => {
      const snapshot = snapshotReplay(plan, profile);
      if (!snapshot) return;
      getDb()
        .planCheckpoints.put({ planId: plan.id, snapshot })
        .catch((err: unknown) => console.warn("Plan: the replay could not be kept for the next visit", err));
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [plan, profile, after]);
}
