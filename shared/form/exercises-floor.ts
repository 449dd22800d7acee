import type { ExerciseDefinition } from "./exercise-types";
import { ALL, FACING, FLOOR_SUPPORT, MOVING, REPS, SIDEWAYS, frame, rangeFault } from "./exercise-parts";

// Exercises done on the floor, judged against the floor the arms stand on (floor-line.ts).

/** The push-up. */
export const PUSH_UP: ExerciseDefinition = {
  id: "push_up",
  name: "Push-up",
  kind: "reps",
  preferredViews: SIDEWAYS,
  phaseViews: ALL,
  signal: { metric: "elbowDeg", startValue: 165, targetValue: 90, startTolerance: 15 },
  sideMetricsInImage: ["hipLineDeg"],
  reps: REPS,
  // Knees down is still a push-up position (a knee push-up), and is said as such.
  position: FLOOR_SUPPORT.filter((p) => p.metric !== "kneeDeg"),
  faults: [
    rangeFault("partial_range", "Chest to the floor", 0.8),
    frame({
      id: "knees_down",
      cue: "Straighten your legs",
      metric: "kneeDeg",
      direction: "below",
      on: 130,
      off: 140,
      severitySpan: 40,
      phases: ["start", ...MOVING],
      minProgress: 0,
      views: ALL,
      repShare: 0.5,
    }),
    frame({
      id: "hips_sag",
      cue: "Lift your hips",
      metric: "hipLineDeg",
      direction: "below",
      // Ten degrees off straight at the hips, the sag a coach cues; judged over the rep's working
      // phase (past 30 % of the way down and back), where a sag shows, not at the top between reps.
      on: -10,
      off: -9,
      severitySpan: 15,
      views: SIDEWAYS,
      // A posture kept through the working phase (on for half of it: its median), not a moment.
      repShare: 0.5,
    }),
    frame({
      id: "hips_pike",
      cue: "Lower your hips",
      metric: "hipLineDeg",
      direction: "above",
      // Hips a little high strain less than a sag (the lower back stays safe), so the band is
      // wider; judged like the sag, over the working phase.
      on: 16,
      off: 15,
      severitySpan: 15,
      views: SIDEWAYS,
      repShare: 0.5,
    }),
    frame({
      id: "elbow_flare",
      cue: "Tuck your elbows",
      metric: "elbowFlareDeg",
      direction: "above",
      on: 68,
      off: 62,
      severitySpan: 20,
      minProgress: 0.55,
      views: FACING,
    }),
  ],
  peakMetrics: ["elbowDeg", "hipLineDeg"],
};

/** The glute bridge. */
export const GLUTE_BRIDGE: ExerciseDefinition = {
  id: "glute_bridge",
  name: "Glute bridge",
  kind: "reps",
  preferredViews: SIDEWAYS,
  phaseViews: ALL,
  signal: { metric: "hipDeg", startValue: 130, targetValue: 172, startTolerance: 15 },
  reps: REPS,
  faults: [rangeFault("partial_range", "Squeeze your hips higher", 0.83)],
  peakMetrics: ["hipDeg"],
};

/** The plank, a hold. */
export const PLANK: ExerciseDefinition = {
  id: "plank",
  name: "Plank",
  kind: "hold",
  preferredViews: SIDEWAYS,
  phaseViews: ALL,
  position: FLOOR_SUPPORT,
  faults: [
    // Against the shoulder-to-ankle line; the ankles sit a few degrees above where the toes
    // meet the floor, so these limits are about 2 degrees of sag and 12 of pike measured to the toes, the
    // bounds real users' planks were labelled by.
    frame({
      id: "hips_high",
      cue: "Lower your hips",
      metric: "hipLineDeg",
      direction: "above",
      on: 9,
      off: 8,
      severitySpan: 15,
      phases: ["hold"],
      minProgress: 0,
      views: SIDEWAYS,
      // A hold is slow: hips that pass the line for a moment have not sagged.
      onMs: 250,
    }),
    frame({
      id: "hips_sag",
      cue: "Lift your hips",
      metric: "hipLineDeg",
      direction: "below",
      on: -7,
      off: -6,
      severitySpan: 15,
      phases: ["hold"],
      minProgress: 0,
      views: SIDEWAYS,
      // A hold is slow: hips that pass the line for a moment have not sagged.
      onMs: 250,
    }),
    frame({
      id: "head_drop",
      cue: "Eyes just ahead of your hands",
      metric: "headBelowLineDeg",
      direction: "above",
      on: 28,
      off: 22,
      severitySpan: 20,
      phases: ["hold"],
      minProgress: 0,
      views: SIDEWAYS,
    }),
  ],
  peakMetrics: ["hipLineDeg"],
};
