import { expose } from "comlink";
import { decodeFoodIndex, type IndexedFood } from "../../../shared/nutrition/food-index";
import { FoodSearch } from "../../../shared/nutrition/search";
import { searchKey } from "../../../shared/nutrition/normalise";
import { readWithProgress } from "../../net/read-with-progress";
import type { FoodChoice, IndexProgress } from "./food-search-types";

type Entry = FoodChoice & { search: string };

let usda: FoodSearch<Entry> | null = null;
let custom = new FoodSearch<Entry>([]);
let byNdb = new Map<string, Entry>();

function fromIndex(food: IndexedFood): Entry {
  const { ndb, name, search, per100g, portions } = food;
  return { ref: { source: "usda", ndb }, name, search, per100g, portions };
}

// Search runs here, off the page's thread: typing never waits for it.
const api = {
  /** Downloads (or reads from the service worker's cache) and indexes the food database. */
  async load(
    url: string,
    expectedBytes: number,
    onProgress: (progress: IndexProgress) => void,
  ): Promise<number> {
    if (usda) return byNdb.size;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`The food database could not be downloaded (HTTP ${response.status}).`);
    const body = await readWithProgress(response, expectedBytes, (loadedBytes, totalBytes) =>
      onProgress({ loadedBytes, totalBytes }),
    );
    const foods = decodeFoodIndex(JSON.parse(new TextDecoder().decode(body)));
    const entries = foods.map(fromIndex);
    byNdb = new Map(entries.map((entry) => [entry.ref.source === "usda" ? entry.ref.ndb : "", entry]));
    usda = new FoodSearch(entries);
    return entries.length;
  },

  /** Replaces the person's own foods, searched alongside the database. */
  setCustomFoods(foods: FoodChoice[]): void {
    custom = new FoodSearch(foods.map((food) => ({ ...food, search: searchKey(food.name) })));
  },

  /** The best matches for `query` among custom foods and the database, best first. */
  search(query: string, limit = 20): FoodChoice[] {
    const hits = [...custom.search(query, limit), ...(usda?.search(query, limit) ?? [])];
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit).map(({ item: { search: _search, ...food } }) => food);
  },

  /** Database foods by NDB number (recent foods on an empty query). */
  byNdb(ndbs: string[]): FoodChoice[] {
    return ndbs.flatMap((ndb) => {
      const entry = byNdb.get(ndb);
      if (!entry) return [];
      const { search: _search, ...food } = entry;
      return [food];
    });
  },
};

export type FoodSearchApi = typeof api;
expose(api);
