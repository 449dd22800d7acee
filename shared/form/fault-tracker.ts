import type { FrameFault } from "./exercise-types";

/** How long a fault condition must hold before the flag flips, so flags do not flicker. */
export const FAULT_ON_MS = 60;
export const FAULT_OFF_MS = 100;

/** Severity 0..1 of a metric value against a frame fault's threshold. */
export function frameSeverity(spec: FrameFault, value: number): number {
  const excess = spec.direction === "above" ? value - spec.on : spec.on - value;
  return Math.min(1, Math.max(0, 0.5 + (0.5 * excess) / spec.severitySpan));
}

/**
 * The on/off state of one frame fault: switches on when the metric has been past `on` for
 * {@link FAULT_ON_MS}, and off when it has been back past `off` for {@link FAULT_OFF_MS}.
 */
export class FaultTracker {
  private active = false;
  private pendingSinceMs: number | null = null;
  /** Largest severity while active. */
  peakSeverity = 0;

  constructor(readonly spec: FrameFault) {}

  get isActive(): boolean {
    return this.active;
  }

  /** Updates with this frame's metric value; returns true when the fault just switched on. */
  update(value: number, tMs: number): boolean {
    const { spec } = this;
    const beyondOn = spec.direction === "above" ? value > spec.on : value < spec.on;
    const beyondOff = spec.direction === "above" ? value < spec.off : value > spec.off;
    const wantsFlip = this.active ? beyondOff : beyondOn;
    if (!wantsFlip) {
      this.pendingSinceMs = null;
      if (this.active) this.peakSeverity = Math.max(this.peakSeverity, frameSeverity(spec, value));
      return false;
    }
    this.pendingSinceMs ??= tMs;
    const heldMs = tMs - this.pendingSinceMs;
    if (heldMs < (this.active ? FAULT_OFF_MS : (spec.onMs ?? FAULT_ON_MS))) return false;
    this.active = !this.active;
    this.pendingSinceMs = null;
    if (this.active) this.peakSeverity = frameSeverity(spec, value);
    return this.active;
  }

  /** Clears the state when the fault cannot be judged (wrong phase, view or visibility). */
  clear(): void {
    this.active = false;
    this.pendingSinceMs = null;
  }
}
