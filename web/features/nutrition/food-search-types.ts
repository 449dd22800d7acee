import type { Nutrients } from "../../../shared/nutrition/nutrients";
import type { Portion } from "../../../shared/nutrition/food-index";
import type { FoodRef } from "../../../shared/schemas/nutrition";

/** A food the person can log, from the USDA index or their own foods. */
export interface FoodChoice {
  ref: FoodRef;
  name: string;
  per100g: Nutrients;
  portions: Portion[];
  barcode?: string | null;
}

/** Progress of the first download of the food index. */
export interface IndexProgress {
  loadedBytes: number;
  totalBytes: number;
}
