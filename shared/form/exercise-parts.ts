import type { FrameFault, PositionRange, RepFault, RepThresholds } from "./exercise-types";
import type { FaultId, View } from "./types";

// The pieces exercise definitions are built from: views, phases, rep rules, fault shapes.

/** Every view. */
export const ALL: readonly View[] = ["front", "side", "oblique"];
/** Views that show the body's side: depth of a squat, a hip line, a lean. */
export const SIDEWAYS: readonly View[] = ["side", "oblique"];
/** Views that show the body's front: knees caving, stance width. */
export const FACING: readonly View[] = ["front", "oblique"];
/** The phases of a rep away from the start position. */
export const MOVING = ["away", "end", "return"] as const;

/**
 * Holding the body off the floor, good or bad (a bad plank is what there is to coach): the arms
 * hold the torso up at about a right angle, the body runs roughly in a line and the knees are
 * off the floor. The floor's direction is not assumed (see floor-line.ts).
 */
export const FLOOR_SUPPORT: readonly PositionRange[] = [
  { metric: "supportArmDeg", min: 30, max: 150, optional: true },
  { metric: "hipLineDeg", min: -60, max: 60 },
  { metric: "kneeDeg", min: 130, max: 180, optional: true },
];

/** Rep rules most exercises share. */
export const REPS: RepThresholds = {
  leaveStart: 0.2,
  backToStart: 0.12,
  reachEnd: 0.8,
  turnBack: 0.1,
  countAt: 0.5,
  partialAt: 0.2,
  minRepMs: 500,
};

/** A frame fault, judged while moving past 30 % of the way, from any view unless said. */
export const frame = (
  f: Omit<FrameFault, "kind" | "phases" | "minProgress" | "views"> &
    Partial<Pick<FrameFault, "phases" | "minProgress" | "views">>,
): FrameFault => ({ kind: "frame", phases: MOVING, minProgress: 0.3, views: ALL, ...f });

/** A rep that fell short of the range: judged on its peak progress. */
export const rangeFault = (id: FaultId, cue: string, threshold: number): RepFault => ({
  kind: "rep",
  id,
  cue,
  metric: "progress",
  extreme: "max",
  direction: "below",
  threshold,
  severitySpan: threshold - REPS.countAt,
  views: ALL,
});
