import type { RepExercise } from "./exercise-types";
import { RepCounter, type RepEvent } from "./rep-counter";
import type { Phase } from "./types";

/** Out of the exercise's position this long, a rep under way ends as a partial one. */
const LEAVE_POSITION_MS = 300;
const START_LEARN_MS = 1200;
const START_CATCH_UP_MS = 250;
/** Progress band that separates the start position from moving, for the reported phase. */
const AT_START_ENTER = 0.125;
const AT_START_EXIT = 0.15;

/** Where one frame stands in the set. */
export interface PhaseStep {
  /** 0 at the person's start position, 1 at the exercise's full-range far end. */
  progress: number;
  /** The counter's state: what person-relative gauges learn by. */
  state: Phase;
  /** The phase shown for the frame. */
  phase: Phase;
  /** A rep (or partial rep) that finished on this frame. */
  event: RepEvent | null;
}

/**
 * The phase step of a rep exercise: the signal turned into progress against the person's own start
 * position, the rep counter fed with it, and the phase to show.
 */
export class RepPhase {
  private counter: RepCounter;
  private startValue: number | null = null;
  private lastLearnMs: number | null = null;
  private atStartFlag = true;
  private leftPositionMs: number | null = null;

  constructor(private readonly def: RepExercise) {
    this.counter = new RepCounter(def.reps);
  }

  /** `value` is the signal's value; `placed` whether the person is in the exercise's position. */
  step(value: number, tMs: number, placed: boolean): PhaseStep {
    const progress = this.progressOf(value, tMs, placed && this.counter.current === "start");
    const event = this.count(progress, tMs, placed);
    const state: Phase = this.counter.current ?? "start";
    return { progress, state, phase: this.reportedPhase(state, progress), event };
  }

  /** Drops a rep under way (the person was lost from view). */
  abandon(): void {
    this.counter.abandon();
  }

  /** At the end of the set, a last rep that was nearly back at the start. */
  finishPending(): RepEvent | null {
    return this.counter.finishPending();
  }

  reset(): void {
    this.counter = new RepCounter(this.def.reps);
    this.startValue = null;
    this.lastLearnMs = null;
    this.atStartFlag = true;
    this.leftPositionMs = null;
  }

  /**
   * Progress 0..1+ from the start value to the exercise target. The start value is the person's
   * own: taken from their first frames (people begin in the start position), then refined while
   * they are at the start, and pulled quickly to any more extreme start-side value.
   */
  private progressOf(value: number, tMs: number, atStart: boolean): number {
    const signal = this.def.signal;
    const towardTarget = Math.sign(signal.targetValue - signal.startValue);
    const lo = signal.startValue - 2 * signal.startTolerance;
    const hi = signal.startValue + 2 * signal.startTolerance;
    const clamped = Math.min(hi, Math.max(lo, value));
    this.startValue ??= clamped;
    const beyondStart = (clamped - this.startValue) * towardTarget < 0;
    const dtMs = this.lastLearnMs === null ? 0 : Math.max(0, tMs - this.lastLearnMs);
    this.lastLearnMs = tMs;
    if (atStart || beyondStart) {
      const timeConstant = beyondStart ? START_CATCH_UP_MS : START_LEARN_MS;
      this.startValue += (1 - Math.exp(-dtMs / timeConstant)) * (clamped - this.startValue);
    }
    return Math.max(0, (value - this.startValue) / (signal.targetValue - this.startValue));
  }

  /**
   * Feeds the counter while the person is in the exercise's position. Out of it the count stands
   * still, and once they have been out for {@link LEAVE_POSITION_MS} a rep under way ends as a
   * partial one: sitting down, kneeling or dropping into a push-up set-up is not a rep.
   */
  private count(progress: number, tMs: number, placed: boolean): RepEvent | null {
    if (placed) {
      this.leftPositionMs = null;
      return this.counter.push(progress, tMs);
    }
    this.leftPositionMs ??= tMs;
    if (tMs - this.leftPositionMs < LEAVE_POSITION_MS) return null;
    return this.counter.interrupt(tMs);
  }

  /**
   * The phase shown per frame. The counter's wide hysteresis keeps counting safe from jitter, but
   * would call someone "standing" for a while after they begin to move; so the line between the
   * start position and moving is drawn here at one point of progress with only a narrow band.
   */
  private reportedPhase(state: Phase, progress: number): Phase {
    if (state === "end" || state === "hold") return state;
    const band = this.atStartFlag ? AT_START_EXIT : AT_START_ENTER;
    this.atStartFlag = progress < band;
    if (this.atStartFlag) return "start";
    return state === "start" ? "away" : state;
  }
}
