/** The Cache Storage cache holding the food index (the service worker serves it from here). */
export const FOOD_INDEX_CACHE = "spotter-food-index";

/**
 * Makes sure the food index at `url` is in the offline cache, and only that version. On the first
 * visit the service worker is not yet in control when the index downloads, so the page stores it
 * (from the HTTP cache, no second download); later a newer build's index replaces it.
 */
export async function keepFoodIndexOffline(url: string): Promise<void> {
  if (typeof caches === "undefined") return;
  const cache = await caches.open(FOOD_INDEX_CACHE);
  const absolute = new URL(url, location.origin).href;
  for (const old of await cache.keys()) if (old.url !== absolute) await cache.delete(old);
  if (!(await cache.match(absolute))) await cache.add(absolute);
}
