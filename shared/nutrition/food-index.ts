import { NUTRIENT_KEYS, type Nutrients } from "./nutrients";

/** Bumped when the layout of the index file changes; the file name carries it too. */
export const FOOD_INDEX_VERSION = 1;

/** A household measure: "1 large" weighs 50 g. */
export interface Portion {
  label: string;
  grams: number;
}

/** One food of the index: `[ndb, display name, search text, nutrients per 100 g, portions]`. */
export type FoodIndexRow = [
  ndb: string,
  name: string,
  /** Normalised tokens; the head (what the food is) before `|`, the rest after. */
  search: string,
  per100g: (number | null)[],
  portions: [label: string, grams: number][],
];

/** The food index file as the build writes it (JSON). */
export interface FoodIndexFile {
  format: "spotter-food-index";
  version: typeof FOOD_INDEX_VERSION;
  source: string;
  nutrients: readonly string[];
  foods: FoodIndexRow[];
}

/** A food from the database, ready to log. */
export interface IndexedFood {
  ndb: string;
  name: string;
  search: string;
  per100g: Nutrients;
  portions: Portion[];
}

/** The index file is not one this build can read. */
export class FoodIndexFormatError extends Error {
  readonly code = "food_index_format";
  constructor(message: string) {
    super(message);
    this.name = "FoodIndexFormatError";
  }
}

/** Turns one row's nutrient array back into named nutrients. */
export function nutrientsFromRow(values: readonly (number | null)[]): Nutrients {
  const out: Record<string, number | null> = {};
  NUTRIENT_KEYS.forEach((key, i) => {
    out[key] = values[i] ?? null;
  });
  for (const core of ["energyKcal", "proteinG", "fatG", "carbG"]) out[core] ??= 0;
  return out as Nutrients;
}

/**
 * Reads a parsed index file, checking its format, version and nutrient columns, since it comes
 * over the network (or from a cache written by an older build).
 */
export function decodeFoodIndex(file: unknown): IndexedFood[] {
  const f = file as Partial<FoodIndexFile> | null;
  if (f?.format !== "spotter-food-index" || f.version !== FOOD_INDEX_VERSION || !Array.isArray(f.foods)) {
    throw new FoodIndexFormatError("The food database file is not in a format this version reads.");
  }
  if (f.nutrients?.join() !== NUTRIENT_KEYS.join()) {
    throw new FoodIndexFormatError("The food database lists different nutrients than this version expects.");
  }
  return f.foods.map(([ndb, name, search, per100g, portions]) => ({
    ndb,
    name,
    search,
    per100g: nutrientsFromRow(per100g),
    portions: portions.map(([label, grams]) => ({ label, grams })),
  }));
}
