import type { Side } from "./body-view";

/** The hands' heights disagree by more than this many arm lengths: one arm is misread. */
const DISAGREE = 0.3;
/**
 * The arm to drop moves at least this fast on average (arm lengths a second: a hand held still
 * stays near 0, a guessed one jumps by an arm length between frames)...
 */
const JUMPY_PER_S = 1;
/** ...and at least this many times as fast as the other. */
const JUMPIER = 2;
/** How long the average remembers, in ms. */
const MEMORY_MS = 400;

/**
 * Which arm to believe about the hands' height. An arm hidden behind the body (the far one, seen at
 * an angle) is guessed by the model, and the guess jumps from frame to frame: on a seated press
 * filmed from the front-left, the far hand read from half an arm below the shoulder to half above it
 * between neighbouring frames while the near one moved smoothly, and their mean never came back
 * down far enough to end the last rep. Both arms press together, so when they disagree and one
 * jumps like that, the other, moving smoothly, is the one seen; otherwise both count.
 */
export class SteadyArm {
  private last: Partial<Record<Side, number>> = {};
  private speed: Record<Side, number> = { left: 0, right: 0 };
  private lastMs: number | null = null;

  /** The hands' height to use this frame, from each seen arm's (undefined when none is seen). */
  lift(lifts: Partial<Record<Side, number>>, tMs: number): number | undefined {
    const dtMs = this.lastMs === null ? 0 : Math.max(0, tMs - this.lastMs);
    this.lastMs = tMs;
    if (dtMs > 0) {
      const k = 1 - Math.exp(-dtMs / MEMORY_MS);
      for (const side of ["left", "right"] as const) {
        const now = lifts[side];
        const before = this.last[side];
        if (now !== undefined && before !== undefined)
          this.speed[side] += k * ((Math.abs(now - before) * 1000) / dtMs - this.speed[side]);
      }
    }
    this.last = { ...lifts };
    const { left, right } = lifts;
    if (left === undefined || right === undefined) return left ?? right;
    if (Math.abs(left - right) > DISAGREE) {
      if (this.jumpy("right", "left")) return left;
      if (this.jumpy("left", "right")) return right;
    }
    return (left + right) / 2;
  }

  reset(): void {
    this.last = {};
    this.speed = { left: 0, right: 0 };
    this.lastMs = null;
  }

  private jumpy(side: Side, other: Side): boolean {
    return this.speed[side] >= JUMPY_PER_S && this.speed[side] >= JUMPIER * this.speed[other];
  }
}
