import * as v from "valibot";
import { recordMetaEntries } from "./common";

/** The profile is one record per user; its key is always this. */
export const PROFILE_KEY = "self";

export const UNITS = ["kg", "lb"] as const;
export const SEXES = ["female", "male", "other", "unspecified"] as const;
export const GOALS = [
  "strength",
  "hypertrophy",
  "endurance",
  "fat_loss",
  "general_fitness",
  "mobility",
] as const;
export const EXPERIENCE_LEVELS = ["beginner", "intermediate", "expert"] as const;

/** Equipment names follow the exercise dataset's vocabulary so the library can filter by them. */
export const EQUIPMENT = [
  "body only",
  "dumbbell",
  "barbell",
  "kettlebells",
  "cable",
  "machine",
  "bands",
  "medicine ball",
  "exercise ball",
  "foam roll",
  "e-z curl bar",
  "other",
] as const;
export const EquipmentSchema = v.picklist(EQUIPMENT);
export type Equipment = v.InferOutput<typeof EquipmentSchema>;

/** The person's training profile. Weights are stored in kg whatever `units` shows. */
export const ProfileSchema = v.object({
  id: v.literal(PROFILE_KEY),
  units: v.picklist(UNITS),
  heightCm: v.nullable(v.pipe(v.number(), v.minValue(50), v.maxValue(272))),
  weightKg: v.nullable(v.pipe(v.number(), v.minValue(20), v.maxValue(400))),
  birthYear: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2100))),
  sex: v.picklist(SEXES),
  goal: v.picklist(GOALS),
  experience: v.picklist(EXPERIENCE_LEVELS),
  equipment: v.pipe(v.array(EquipmentSchema), v.maxLength(EQUIPMENT.length)),
  /** Planned training days per week. */
  trainingDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(7)),
  /** Empty barbell; absent means the standard bar for `units` (20 kg or 45 lb). */
  barKg: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(50))),
  /** Plate sizes owned (a pair of each, any number of pairs); absent means the standard set for `units`. */
  platesKg: v.optional(v.pipe(v.array(v.pipe(v.number(), v.gtValue(0), v.maxValue(50))), v.maxLength(20))),
  ...recordMetaEntries,
});
export type Profile = v.InferOutput<typeof ProfileSchema>;
