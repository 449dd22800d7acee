import * as v from "valibot";
import { isSrNdbNumber } from "../nutrition/sr-ndb";
import { ACTIVITY_LEVELS, DIET_GOALS } from "../nutrition/targets";
import { EntityIdSchema, TimestampMsSchema, recordMetaEntries, textSchema } from "./common";

/** Most energy any food can hold: pure fat is about 900 kcal per 100 g. */
export const MAX_KCAL_PER_100G = 900;
/** Largest amount in one log entry (5 kg); more is a typing slip. */
export const MAX_ENTRY_GRAMS = 5000;

const grams100 = (max = 100) =>
  v.pipe(
    v.number("Must be a number."),
    v.minValue(0, "Must not be negative."),
    v.maxValue(max, `Must be at most ${max} per 100 g.`),
  );

/** Nutrients per 100 g. Core values are required; the others are `null` when unknown. */
export const NutrientsPer100gSchema = v.strictObject({
  energyKcal: v.pipe(
    v.number("Must be a number."),
    v.minValue(0, "Must not be negative."),
    v.maxValue(MAX_KCAL_PER_100G, `No food has more than ${MAX_KCAL_PER_100G} kcal per 100 g.`),
  ),
  proteinG: grams100(),
  fatG: grams100(),
  carbG: grams100(),
  fiberG: v.nullable(grams100()),
  sugarG: v.nullable(grams100()),
  saturatedFatG: v.nullable(grams100()),
  sodiumMg: v.nullable(grams100(40_000)),
});

/** A household measure of a food: "1 slice" = 30 g. */
export const PortionSchema = v.strictObject({
  label: v.pipe(textSchema(60), v.minLength(1, "Name the portion.")),
  grams: v.pipe(
    v.number("Must be a number."),
    v.gtValue(0, "Must be more than 0 g."),
    v.maxValue(MAX_ENTRY_GRAMS, `Must be at most ${MAX_ENTRY_GRAMS} g.`),
  ),
});

/** Barcodes as printed under the bars: EAN-8, UPC-A, EAN-13 or GTIN-14 digits. */
export const BarcodeSchema = v.pipe(v.string(), v.regex(/^\d{8,14}$/, "A barcode is 8 to 14 digits."));

export const MEALS = ["breakfast", "lunch", "dinner", "snacks"] as const;
export type Meal = (typeof MEALS)[number];

/** A calendar day in the person's time zone, `YYYY-MM-DD`. */
export const DayKeySchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "Expected a date as YYYY-MM-DD."),
);

/** Which food an entry is: a USDA SR food by its NDB number, or a custom food by id. */
export const FoodRefSchema = v.variant("source", [
  v.strictObject({
    source: v.literal("usda"),
    ndb: v.pipe(
      v.string(),
      v.regex(/^\d{5}$/, "An NDB number is 5 digits."),
      v.check(isSrNdbNumber, "No USDA SR food has this NDB number."),
    ),
  }),
  v.strictObject({ source: v.literal("custom"), foodId: EntityIdSchema }),
]);
export type FoodRef = v.InferOutput<typeof FoodRefSchema>;

/** One ingredient of a recipe: which food and how many grams go in. */
export const IngredientSchema = v.strictObject({
  food: FoodRefSchema,
  name: v.pipe(textSchema(120), v.minLength(1)),
  grams: v.pipe(
    v.number("Must be a number."),
    v.gtValue(0, "Must be more than 0 g."),
    v.maxValue(MAX_ENTRY_GRAMS, `Must be at most ${MAX_ENTRY_GRAMS} g.`),
  ),
});

/** A food the person created (or scanned): nutrients per 100 g, with an optional portion and barcode. */
export const CustomFoodSchema = v.object({
  id: EntityIdSchema,
  name: v.pipe(textSchema(120), v.minLength(1, "Name the food.")),
  barcode: v.nullable(BarcodeSchema),
  per100g: NutrientsPer100gSchema,
  portion: v.nullable(PortionSchema),
  /** For a recipe: what goes in (its nutrients are `per100g` of the whole; a serving is `portion`). */
  ingredients: v.optional(
    v.pipe(v.array(IngredientSchema), v.maxLength(60, "A recipe has at most 60 ingredients.")),
  ),
  ...recordMetaEntries,
});
export type CustomFood = v.InferOutput<typeof CustomFoodSchema>;

/**
 * One food eaten in one meal of one day. The name and nutrients are copied from the food when
 * logged, so the day reads (and syncs) without the food database, and editing a custom food later
 * does not rewrite what was eaten.
 */
export const MealEntrySchema = v.object({
  id: EntityIdSchema,
  date: DayKeySchema,
  meal: v.picklist(MEALS),
  food: FoodRefSchema,
  name: v.pipe(textSchema(120), v.minLength(1)),
  grams: v.pipe(
    v.number("Must be a number."),
    v.gtValue(0, "Must be more than 0 g."),
    v.maxValue(MAX_ENTRY_GRAMS, `Must be at most ${MAX_ENTRY_GRAMS} g.`),
  ),
  /** Set when the amount was given as household portions: `count` × `portion.grams` = `grams`. */
  portion: v.nullable(
    v.strictObject({ ...PortionSchema.entries, count: v.pipe(v.number(), v.gtValue(0), v.maxValue(100)) }),
  ),
  per100g: NutrientsPer100gSchema,
  loggedAt: TimestampMsSchema,
  ...recordMetaEntries,
});
export type MealEntry = v.InferOutput<typeof MealEntrySchema>;

/** The targets record is one per user, like the profile. */
export const NUTRITION_TARGETS_KEY = "self";

const TARGET_MODES = ["profile", "manual"] as const;

/**
 * Daily nutrition targets. With `energyMode: "profile"` energy follows the profile by
 * Mifflin–St Jeor and activity; with `macroMode: "goal"` protein, carbohydrate and fat follow the
 * goal. Hand-set values are kept either way, so switching back restores them.
 */
export const NutritionTargetsSchema = v.object({
  id: v.literal(NUTRITION_TARGETS_KEY),
  energyMode: v.picklist(TARGET_MODES),
  macroMode: v.picklist(["goal", "manual"]),
  activity: v.picklist(ACTIVITY_LEVELS),
  goal: v.picklist(DIET_GOALS),
  energyKcal: v.pipe(
    v.number("Must be a number."),
    v.minValue(800, "Must be at least 800 kcal."),
    v.maxValue(8000, "Must be at most 8000 kcal."),
  ),
  proteinG: v.pipe(v.number("Must be a number."), v.minValue(0, "Must not be negative."), v.maxValue(600)),
  carbG: v.pipe(v.number("Must be a number."), v.minValue(0, "Must not be negative."), v.maxValue(1500)),
  fatG: v.pipe(v.number("Must be a number."), v.minValue(0, "Must not be negative."), v.maxValue(600)),
  ...recordMetaEntries,
});
export type NutritionTargets = v.InferOutput<typeof NutritionTargetsSchema>;
