import type { FaultId } from "./types";

/** Share of the time a fault could be judged over the set for which it must be on to be held. */
const HELD_SHARE = 0.5;
/** …and at least this long, so a short set's few noisy frames are not a verdict. */
const HELD_MIN_MS = 500;
const MAX_STEP_MS = 250;

/**
 * Tallies, over a whole set, how long each frame fault was on against how long it could be
 * judged. A posture kept through the set (a sag from the first frame, a short clip with no
 * finished rep) is a fault of the set even when no rep carries it.
 */
export class SetFaultTally {
  private readonly judgedMs = new Map<FaultId, number>();
  private readonly activeMs = new Map<FaultId, number>();
  private lastMs: number | null = null;

  observe(tMs: number, judged: readonly FaultId[], active: readonly FaultId[]): void {
    const dtMs = this.lastMs === null ? 0 : Math.min(MAX_STEP_MS, Math.max(0, tMs - this.lastMs));
    this.lastMs = tMs;
    for (const id of judged) this.judgedMs.set(id, (this.judgedMs.get(id) ?? 0) + dtMs);
    for (const id of active) this.activeMs.set(id, (this.activeMs.get(id) ?? 0) + dtMs);
  }

  /** Faults on for a real share of the set. */
  held(): FaultId[] {
    return [...this.activeMs]
      .filter(([id, ms]) => ms >= HELD_MIN_MS && ms >= HELD_SHARE * (this.judgedMs.get(id) ?? 0))
      .map(([id]) => id);
  }

  reset(): void {
    this.judgedMs.clear();
    this.activeMs.clear();
    this.lastMs = null;
  }
}
