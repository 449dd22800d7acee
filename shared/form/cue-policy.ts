import type { Cue } from "./types";

/** Tuning of a {@link CuePolicy}. */
export interface CuePolicyOptions {
  /** At most one cue per this interval. */
  minGapMs: number;
  /** The same cue is not repeated within this interval. */
  repeatGapMs: number;
  /** Below this confidence the coach stays silent. */
  minConfidence: number;
}

/** The house policy: one cue per 2 s, no repeat within 6 s, silent below 0.5 confidence. */
export const DEFAULT_CUE_POLICY: CuePolicyOptions = {
  minGapMs: 2000,
  repeatGapMs: 6000,
  minConfidence: 0.5,
};

/**
 * Decides which of the engine's cues are spoken, so that the coach neither talks over itself nor
 * nags: the app passes each frame's cues with the frame time and confidence and speaks what
 * comes back. Pure: time comes from the caller.
 */
export class CuePolicy {
  private lastSpokenMs: number | null = null;
  private readonly lastByFault = new Map<string, number>();

  constructor(private readonly options: CuePolicyOptions = DEFAULT_CUE_POLICY) {}

  /** Returns the cue to speak now, if any: the most severe one the policy allows. */
  offer(cues: readonly Cue[], tMs: number, confidence: number): Cue | null {
    if (confidence < this.options.minConfidence || cues.length === 0) return null;
    if (this.lastSpokenMs !== null && tMs - this.lastSpokenMs < this.options.minGapMs) return null;
    const allowed = cues.filter((cue) => {
      const last = this.lastByFault.get(cue.faultId);
      return last === undefined || tMs - last >= this.options.repeatGapMs;
    });
    if (allowed.length === 0) return null;
    const chosen = allowed.reduce((best, cue) => (cue.severity > best.severity ? cue : best));
    this.lastSpokenMs = tMs;
    this.lastByFault.set(chosen.faultId, tMs);
    return chosen;
  }

  /** Forgets what was said, e.g. at the start of a new set. */
  reset(): void {
    this.lastSpokenMs = null;
    this.lastByFault.clear();
  }
}
