import type { RepThresholds } from "./exercise-types";

/** Where the counter is inside a rep. */
export type RepState = "start" | "away" | "end" | "return";

/** A finished movement: a counted rep or a partial one. */
export interface RepEvent {
  partial: boolean;
  startMs: number;
  endMs: number;
  peakProgress: number;
  tempoMs: Record<RepState, number>;
}

/**
 * Counts reps from a normalised progress signal (0 at the start position, 1 at a full-range far
 * end) with hysteresis, so jitter around a band edge cannot count or split a rep. A rep counts
 * when the person returns to the start position after a peak of at least `countAt`.
 */
/** A trough this close to the start position ends a rep even without a pause there. */
const NEARLY_BACK = 0.4;
/** Depth is read from progress smoothed this much, so that one noisy frame cannot deepen a rep. */
const PEAK_SMOOTHING_MS = 90;

export class RepCounter {
  private state: RepState | null = null;
  private lastMs: number | null = null;
  private repStartMs = 0;
  private peak = 0;
  private trough = 1;
  private troughMs = 0;
  private steady: number | null = null;
  private tempo: Record<RepState, number> = { start: 0, away: 0, end: 0, return: 0 };
  private startDwellMs = 0;
  /** False while a movement that began before the first start position is under way. */
  private repFromStart = false;

  constructor(private readonly rules: RepThresholds) {}

  /** The current state, or null before the first frame. */
  get current(): RepState | null {
    return this.state;
  }

  /** Peak progress of the rep under way (0 at the start position). */
  get currentPeak(): number {
    return this.state === "start" ? 0 : this.peak;
  }

  /** Feeds one frame's progress; returns a rep event when a movement finishes. */
  push(progress: number, tMs: number): RepEvent | null {
    const dtMs = this.lastMs === null ? 0 : Math.max(0, tMs - this.lastMs);
    this.lastMs = tMs;
    const k = 1 - Math.exp(-dtMs / PEAK_SMOOTHING_MS);
    this.steady = this.steady === null ? progress : this.steady + k * (progress - this.steady);
    if (this.state === null) {
      this.state = progress < this.rules.leaveStart ? "start" : "end";
      this.peak = progress;
      return null;
    }
    if (this.state === "start") this.startDwellMs += dtMs;
    else this.tempo[this.state] += dtMs;
    return this.step(progress, tMs);
  }

  /**
   * Ends a rep under way as a partial one (the person left the exercise's position part way) and
   * waits for the start position again.
   */
  interrupt(tMs: number): RepEvent | null {
    if (this.state === null || this.state === "start") return null;
    const started = this.repFromStart && this.peak >= this.rules.partialAt;
    const event: RepEvent = {
      partial: true,
      startMs: this.repStartMs,
      endMs: tMs,
      peakProgress: this.peak,
      tempoMs: { ...this.tempo },
    };
    this.abandon();
    return started ? event : null;
  }

  /**
   * At the end of a set: a rep that reached full range and came most of the way back counts
   * (a clip or a set often stops as the weight settles), anything less is left uncounted.
   */
  finishPending(): RepEvent | null {
    if (this.state !== "return" || this.trough >= NEARLY_BACK || this.peak < this.rules.countAt) return null;
    return this.finish(this.troughMs);
  }

  /** Drops a rep in progress, e.g. after the person left the frame. */
  abandon(): void {
    this.state = null;
    this.lastMs = null;
    this.steady = null;
    this.resetRep();
  }

  private step(progress: number, tMs: number): RepEvent | null {
    const r = this.rules;
    switch (this.state) {
      case "start":
        if (progress > r.leaveStart) {
          this.state = "away";
          this.repStartMs = tMs;
          this.repFromStart = true;
          this.peak = progress;
          this.tempo.start = this.startDwellMs;
          this.startDwellMs = 0;
        }
        return null;
      case "away":
      case "end":
        this.peak = Math.max(this.peak, Math.min(progress, this.steady ?? progress));
        if (progress < r.backToStart) return this.finish(tMs);
        if (progress >= r.reachEnd) this.state = "end";
        if (progress < this.peak - r.turnBack) {
          this.state = "return";
          this.trough = progress;
          this.troughMs = tMs;
        }
        return null;
      case "return":
        if (progress < this.trough) {
          this.trough = progress;
          this.troughMs = tMs;
        }
        if (progress < r.backToStart) return this.finish(tMs);
        if (progress > this.trough + r.turnBack) {
          // Touch and go: back most of the way, then straight into the next rep.
          if (this.trough < NEARLY_BACK && this.peak >= r.countAt) return this.bounce(progress, tMs);
          this.state = progress >= r.reachEnd ? "end" : "away";
          this.peak = Math.max(this.peak, Math.min(progress, this.steady ?? progress));
        }
        return null;
      default:
        return null;
    }
  }

  /** Ends the rep at its trough and starts the next one from there. */
  private bounce(progress: number, tMs: number): RepEvent | null {
    const troughMs = this.troughMs;
    const event = this.finish(troughMs);
    this.state = "away";
    this.repStartMs = troughMs;
    this.repFromStart = true;
    this.peak = progress;
    this.tempo.away = tMs - troughMs;
    return event;
  }

  private finish(tMs: number): RepEvent | null {
    const wasCounting = this.repFromStart;
    const event: RepEvent = {
      partial: this.peak < this.rules.countAt,
      startMs: this.repStartMs,
      endMs: tMs,
      peakProgress: this.peak,
      tempoMs: { ...this.tempo },
    };
    const longEnough = tMs - this.repStartMs >= this.rules.minRepMs;
    this.state = "start";
    this.resetRep();
    if (!wasCounting || !longEnough || event.peakProgress < this.rules.partialAt) return null;
    return event;
  }

  private resetRep(): void {
    this.peak = 0;
    this.trough = 1;
    this.tempo = { start: 0, away: 0, end: 0, return: 0 };
    this.repStartMs = 0;
    this.repFromStart = false;
  }
}
