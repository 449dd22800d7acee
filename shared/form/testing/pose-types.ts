import type { Joints, Proportions } from "./skeleton";

/** Per-person movement habits that are not faults. */
export interface Style {
  /** Torso lean beyond the shin in a squat, degrees (long femurs add to it). */
  squatTorsoExtraDeg: number;
  /** Forward shin lean at squat depth, degrees. */
  squatShinDeg: number;
  /** Thigh angle from vertical at full squat depth, degrees. */
  squatThighDeg: number;
  /** Standing torso lean, degrees (negative: back). */
  standingLeanDeg: number;
  /** Feet apart, metres between ankles. */
  stanceM: number;
  /** Push-up / plank body line bend, degrees (+ hips high). */
  bodyLineDeg: number;
  femurScale: number;
}

/** What one frame of one exercise should show. */
export interface PoseInput {
  body: Proportions;
  style: Style;
  /** 0 at the start position, 1 at the far end. */
  p: number;
  /** On the way back (p falling). */
  returning: boolean;
  /** Faults injected in this rep. */
  faults: ReadonlySet<string>;
  /** A partial movement that should not count as a rep. */
  partial: boolean;
  /** Leading leg for lunges: 1 = left, -1 = right. */
  side: 1 | -1;
  /** Time since the sequence began, for holds. */
  tMs: number;
}

/** The pose and what the generator knows to be true on this frame. */
export interface PoseOutput {
  joints: Joints;
  /** Per-frame truth, e.g. `standing`, `lean_back`, `knee_over_toe`, `hips_sag`. */
  labels: Record<string, boolean>;
}

export type PoseFunction = (input: PoseInput) => PoseOutput;
