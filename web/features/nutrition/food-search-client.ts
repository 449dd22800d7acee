import { proxy, wrap, type Remote } from "comlink";
import { FOOD_INDEX_BYTES, FOOD_INDEX_URL } from "virtual:food-index";
import { keepFoodIndexOffline } from "./food-index-cache";
import type { FoodSearchApi } from "./food-search.worker";
import type { IndexProgress } from "./food-search-types";

let remote: Remote<FoodSearchApi> | null = null;
let loading: Promise<number> | null = null;
const progressListeners = new Set<(progress: IndexProgress) => void>();

/** The search worker, started on first use and kept for the page's life (searches are instant after). */
export function foodSearchWorker(): Remote<FoodSearchApi> {
  remote ??= wrap<FoodSearchApi>(
    new Worker(new URL("./food-search.worker.ts", import.meta.url), { type: "module", name: "food-search" }),
  );
  return remote;
}

/**
 * Loads the food index in the worker once; later calls share the same load. `onProgress` hears
 * bytes as they arrive (the first visit downloads 1.5 MB; later ones read the service worker's copy).
 */
export function loadFoodIndex(onProgress: (progress: IndexProgress) => void): Promise<number> {
  progressListeners.add(onProgress);
  loading ??= foodSearchWorker()
    .load(
      FOOD_INDEX_URL,
      FOOD_INDEX_BYTES,
      proxy((progress: IndexProgress) => progressListeners.forEach((listener) => listener(progress))),
    )
    .then((count) => {
      performance.mark("spotter:nutrition-index-ready");
      keepFoodIndexOffline(FOOD_INDEX_URL).catch((err: unknown) => {
        console.warn("Spotter: the food index could not be kept for offline use", err);
      });
      return count;
    })
    .catch((err: unknown) => {
      loading = null; // let the next visit try again
      throw err;
    })
    .finally(() => progressListeners.clear());
  return loading;
}
