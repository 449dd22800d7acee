import type { EntityKind, EntityRecords } from "../../shared/schemas/entities";
import type { Mutation } from "../../shared/schemas/sync";

export type { EntityKind } from "../../shared/schemas/entities";
export type WorkoutRow = EntityRecords["workout"];
export type SetRow = EntityRecords["set"];
export type ProfileRow = EntityRecords["profile"];
export type MeasurementRow = EntityRecords["measurement"];
export type PlanRow = EntityRecords["plan"];
export type CustomFoodRow = EntityRecords["food"];
export type MealEntryRow = EntityRecords["mealEntry"];
export type NutritionTargetsRow = EntityRecords["nutritionTargets"];
export type AnyRow = EntityRecords[EntityKind];

/** One change in the outbox, in the push wire shape minus the id the outbox assigns. */
export type OutboxMutation =
  Omit<Extract<Mutation, { op: "put" }>, "id"> | Omit<Extract<Mutation, { op: "delete" }>, "id">;
