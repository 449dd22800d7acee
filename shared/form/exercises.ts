import { ALL, FACING, MOVING, REPS, SIDEWAYS, frame, rangeFault } from "./exercise-parts";
import type { ExerciseDefinition, RepExercise } from "./exercise-types";
import { GLUTE_BRIDGE, PLANK, PUSH_UP } from "./exercises-floor";
import type { ExerciseId } from "./types";

const lungeFaults = [
  frame({
    id: "knee_over_toe",
    cue: "Knee behind your toes",
    metric: "kneePastToeRatio",
    direction: "above",
    on: 0.01,
    off: -0.01,
    severitySpan: 0.1,
    phases: ["start", ...MOVING],
    minProgress: 0,
    views: SIDEWAYS,
  }),
  frame({
    id: "torso_lean",
    cue: "Stay upright",
    // Against the person's own upright stance: MediaPipe's world points read an upright torso as
    // leaning 13-17 degrees forward (seen on a real split squat), and a clean rep adds about 12
    // at the bottom; the fault leans 25 or more.
    metric: "torsoLeanChangeDeg",
    direction: "above",
    on: 20,
    off: 16,
    severitySpan: 20,
  }),
  frame({
    id: "knee_valgus",
    cue: "Knee out",
    metric: "frontKneeValgusRatio",
    direction: "above",
    on: 0.14,
    off: 0.11,
    severitySpan: 0.1,
    views: FACING,
  }),
];

const lunge = (id: ExerciseId, name: string): RepExercise => ({
  id,
  name,
  kind: "reps",
  preferredViews: SIDEWAYS,
  phaseViews: ALL,
  // The hips' height, not the knees: stepping in and out bends the moving knee but hardly lowers
  // the hips. And a real lunge takes well over 0.9 s.
  signal: { metric: "hipHeightRatio", startValue: 0.98, targetValue: 0.6, startTolerance: 0.05 },
  reps: { ...REPS, minRepMs: 900 },
  gauges: ["own_posture"],
  faults: lungeFaults,
  peakMetrics: ["kneesBothDeg", "frontKneeDeg", "torsoLeanDeg"],
});

/** Every exercise the engine knows, as data: phase signal, thresholds, faults and cues. */
export const EXERCISES: Record<ExerciseId, ExerciseDefinition> = {
  squat: {
    id: "squat",
    name: "Squat",
    kind: "reps",
    preferredViews: ["oblique", "side", "front"],
    phaseViews: ALL,
    signal: { metric: "kneeDeg", startValue: 172, targetValue: 90, startTolerance: 15 },
    reps: REPS,
    // Upright enough to be squatting: a deep squat with long thighs leans the torso up to about
    // 75 degrees; hands on the floor and a plank are past this.
    position: [{ metric: "torsoLeanDeg", min: 0, max: 80 }],
    gauges: ["heel_rise", "thigh_depth"],
    faults: [
      {
        kind: "rep",
        id: "shallow_depth",
        cue: "Sit deeper",
        // At the rep's deepest point, thighs more than 30 degrees above parallel: what a coach calls
        // a half squat or less (hips half a thigh above the knees; the hip joint sits about a fifth
        // of a thigh above the crease, so a squat to the crease at the knee's top reads about 12).
        // Read from any view; not from the knee angle, which facing the camera reads straighter.
        // Not judged when the thighs were not measured there (not yet seen standing).
        metric: "thighAboveParallelDeg",
        extreme: "atPeak",
        direction: "above",
        threshold: 30,
        severitySpan: 30,
        views: ALL,
      },
      frame({
        id: "knee_valgus",
        cue: "Knees out",
        metric: "kneeValgusRatio",
        direction: "above",
        on: 0.1,
        off: 0.075,
        severitySpan: 0.1,
        views: FACING,
      }),
      frame({
        id: "forward_lean",
        cue: "Chest up",
        metric: "torsoBeyondShinDeg",
        direction: "above",
        on: 18,
        off: 13,
        severitySpan: 20,
        minProgress: 0.4,
        views: SIDEWAYS,
      }),
      frame({
        id: "heels_rise",
        cue: "Keep your heels down",
        metric: "heelLiftChangeRatio",
        direction: "above",
        // In standing shank lengths: a heel lifted ~20 degrees raises heel and ankle ~0.2.
        on: 0.12,
        off: 0.09,
        severitySpan: 0.1,
        views: SIDEWAYS,
      }),
      frame({
        id: "wide_stance",
        cue: "Feet about shoulder width",
        // A squat stance runs from shoulder width to about one and a half times it; wider is a
        // sumo stance, not the squat being coached.
        metric: "stanceWidthRatio",
        direction: "above",
        on: 1.6,
        off: 1.5,
        severitySpan: 0.5,
        // Set while standing: at the bottom the arms reach forward and the shoulders narrow.
        phases: ["start"],
        minProgress: 0,
        views: FACING,
      }),
      frame({
        id: "asymmetry",
        cue: "Even out your weight",
        metric: "hipShiftRatio",
        direction: "above",
        on: 0.085,
        off: 0.065,
        severitySpan: 0.05,
        minProgress: 0.4,
        // A sideways shift of the hips lies in depth from any other angle.
        views: ["front"],
      }),
    ],
    peakMetrics: ["kneeDeg", "hipDeg", "torsoLeanDeg"],
  },
  push_up: PUSH_UP,
  lunge: lunge("lunge", "Forward lunge"),
  reverse_lunge: lunge("reverse_lunge", "Reverse lunge"),
  split_squat: lunge("split_squat", "Split squat"),
  bicep_curl: {
    id: "bicep_curl",
    name: "Biceps curl",
    kind: "reps",
    preferredViews: SIDEWAYS,
    phaseViews: ALL,
    signal: { metric: "elbowMinDeg", startValue: 160, targetValue: 50, startTolerance: 20 },
    elbowsInImage: "side_view",
    reps: REPS,
    faults: [
      rangeFault("partial_range", "Curl all the way up", 0.8),
      frame({
        id: "lean_back",
        cue: "Stand tall, don't swing back",
        // Absolute, against upright: a lean kept from the first rep is still a lean.
        metric: "torsoBackLeanDeg",
        direction: "above",
        on: 12,
        off: 9,
        severitySpan: 15,
        phases: ["start", ...MOVING],
        minProgress: 0,
      }),
      frame({
        id: "elbow_drift",
        cue: "Pin your elbows to your sides",
        metric: "upperArmTorsoDeg",
        direction: "above",
        on: 32,
        off: 26,
        severitySpan: 25,
        views: SIDEWAYS,
      }),
    ],
    peakMetrics: ["elbowMinDeg", "upperArmTorsoDeg"],
  },
  overhead_press: {
    id: "overhead_press",
    name: "Overhead press",
    kind: "reps",
    preferredViews: SIDEWAYS,
    phaseViews: ALL,
    signal: { metric: "wristLiftRatio", startValue: 0.2, targetValue: 0.92, startTolerance: 0.15 },
    elbowsInImage: "straightest",
    reps: REPS,
    gauges: ["own_posture"],
    faults: [
      {
        kind: "rep",
        id: "incomplete_lockout",
        cue: "Lock out overhead",
        metric: "elbowStraightDeg",
        extreme: "atPeak",
        direction: "below",
        threshold: 150,
        severitySpan: 30,
        views: ALL,
      },
      frame({
        id: "lumbar_extension",
        cue: "Ribs down, squeeze your glutes",
        // Against the person's own start: a seated press leans back on its pad from the first
        // rep; arching further off it as the weight goes up is the fault.
        // Raising the arms lifts MediaPipe's shoulder points back by up to ~10 degrees of apparent
        // lean (seen on a seated press against its pad), so the limit sits past that.
        metric: "torsoLeanChangeDeg",
        direction: "above",
        on: 13,
        off: 10,
        severitySpan: 15,
        views: SIDEWAYS,
      }),
    ],
    peakMetrics: ["elbowStraightDeg", "wristLiftRatio"],
  },
  hip_hinge: {
    id: "hip_hinge",
    name: "Hip hinge / Romanian deadlift",
    kind: "reps",
    preferredViews: SIDEWAYS,
    phaseViews: ALL,
    signal: { metric: "torsoLeanDeg", startValue: 5, targetValue: 70, startTolerance: 12 },
    reps: REPS,
    gauges: ["own_posture", "hinge_recovery"],
    faults: [
      frame({
        id: "rounded_back",
        cue: "Flat back, chest proud",
        metric: "headDropChangeDeg",
        direction: "above",
        on: 16,
        off: 11,
        severitySpan: 20,
        minProgress: 0.4,
        views: SIDEWAYS,
      }),
      frame({
        id: "hips_rise_early",
        cue: "Lift your chest with your hips",
        metric: "hipsRiseLeadRatio",
        direction: "above",
        on: 0.5,
        off: 0.35,
        severitySpan: 0.4,
        phases: ["return"],
        // Judged on the first half of the way up, where the hips lead; near the top both have
        // recovered and what is left of either is mostly noise.
        minProgress: 0.45,
        // Two noisy recoveries compared: the hips lead through most of that half, noise only
        // in stretches.
        repShare: 0.5,
        // A soft knee bend seen in depth is too uncertain to compare from the front.
        views: SIDEWAYS,
      }),
    ],
    peakMetrics: ["torsoLeanDeg", "kneeDeg", "hipDeg"],
  },
  glute_bridge: GLUTE_BRIDGE,
  plank: PLANK,
  jumping_jack: {
    id: "jumping_jack",
    name: "Jumping jack",
    kind: "reps",
    preferredViews: ["front"],
    phaseViews: ALL,
    signal: { metric: "shoulderAbductionDeg", startValue: 20, targetValue: 160, startTolerance: 15 },
    reps: { ...REPS, minRepMs: 300 },
    faults: [rangeFault("partial_range", "Arms all the way up", 0.8)],
    peakMetrics: ["shoulderAbductionDeg"],
  },
};

/** Every exercise id, in display order. */
export { EXERCISE_IDS } from "./types";
