import * as v from "valibot";
import { EntityIdSchema } from "./common";
import { BodyMeasurementSchema, type BodyMeasurement } from "./measurement";
import {
  NUTRITION_TARGETS_KEY,
  CustomFoodSchema,
  MealEntrySchema,
  NutritionTargetsSchema,
} from "./nutrition";
import type { CustomFood, MealEntry, NutritionTargets } from "./nutrition";
import { PlanSchema, type Plan } from "./plan";
import { PROFILE_KEY, ProfileSchema, type Profile } from "./profile";
import { WorkoutSchema, WorkoutSetSchema, type Workout, type WorkoutSet } from "./workout";

/**
 * Every kind of record that syncs. Sync is generic over this table: a new kind (plans, nutrition)
 * is one entry here, with its schema and how its keys look.
 */
export const ENTITY_DEFINITIONS = {
  profile: { schema: ProfileSchema, key: v.literal(PROFILE_KEY) },
  workout: { schema: WorkoutSchema, key: EntityIdSchema },
  set: { schema: WorkoutSetSchema, key: EntityIdSchema },
  measurement: { schema: BodyMeasurementSchema, key: EntityIdSchema },
  plan: { schema: PlanSchema, key: EntityIdSchema },
  food: { schema: CustomFoodSchema, key: EntityIdSchema },
  mealEntry: { schema: MealEntrySchema, key: EntityIdSchema },
  nutritionTargets: { schema: NutritionTargetsSchema, key: v.literal(NUTRITION_TARGETS_KEY) },
} as const;

export type EntityKind = keyof typeof ENTITY_DEFINITIONS;
export const ENTITY_KINDS = Object.keys(ENTITY_DEFINITIONS) as EntityKind[];
export const EntityKindSchema = v.picklist(ENTITY_KINDS);

/** The record type stored for each entity kind. */
export interface EntityRecords {
  profile: Profile;
  workout: Workout;
  set: WorkoutSet;
  measurement: BodyMeasurement;
  plan: Plan;
  food: CustomFood;
  mealEntry: MealEntry;
  nutritionTargets: NutritionTargets;
}

/** Entity kinds that are one record per user, keyed by a constant rather than a generated id. */
export const isSingletonEntity = (entity: EntityKind): boolean =>
  entity === "profile" || entity === "nutritionTargets";

/** A record failed its schema: `issues` says where and why. */
export class RecordValidationError extends Error {
  readonly code = "invalid_record";
  constructor(
    readonly entity: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(`Invalid ${entity} record: ${issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`);
    this.name = "RecordValidationError";
  }
}

/** Flattens valibot issues to `{ path: "a.b", message }` pairs for error details. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): { path: string; message: string }[] {
  return issues.map((issue) => ({
    path: (issue.path ?? []).map((item) => String(item.key)).join("."),
    message: issue.message,
  }));
}

/** Validates a record of `entity`, as sent by a client, synced, or read back from IndexedDB. */
export function safeParseRecord<E extends EntityKind>(
  entity: E,
  value: unknown,
): { ok: true; record: EntityRecords[E] } | { ok: false; error: RecordValidationError } {
  const result = v.safeParse(ENTITY_DEFINITIONS[entity].schema, value);
  if (result.success) return { ok: true, record: result.output as EntityRecords[E] };
  return { ok: false, error: new RecordValidationError(entity, describeIssues(result.issues)) };
}

/** Like {@link safeParseRecord} but throws {@link RecordValidationError}. */
export function parseRecord<E extends EntityKind>(entity: E, value: unknown): EntityRecords[E] {
  const result = safeParseRecord(entity, value);
  if (!result.ok) throw result.error;
  return result.record;
}

/** Field names a partial update may set on `entity` (everything but the id). */
export function updatableFields(entity: EntityKind): string[] {
  return Object.keys(ENTITY_DEFINITIONS[entity].schema.entries).filter((name) => name !== "id");
}
