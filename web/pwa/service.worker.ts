/// <reference lib="webworker" />
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";
import { BARCODE_READER_CACHE } from "../features/nutrition/barcode-reader-cache";
import { FOOD_INDEX_CACHE } from "../features/nutrition/food-index-cache";
import { OFFLINE_POSE_ASSETS, POSE_CACHE_PREFIX, POSE_MANIFEST_URL, POSE_RUNTIME_BASE } from "../pose/assets";
import { isCacheablePoseAsset } from "./pose-cacheable";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

const shell = self.__WB_MANIFEST;
precacheAndRoute(shell);
cleanupOutdatedCaches();

// The pose runtime and models are tens of MB, far over what belongs in the precache manifest.
// They live in their own cache whose name carries the revision of models/manifest.json, which
// changes whenever any model or runtime file changes: a new version is a new cache, and the old
// one is deleted when this worker activates.
const manifestEntry = shell.find((e) => typeof e !== "string" && `/${e.url}` === POSE_MANIFEST_URL);
const poseCacheName = `${POSE_CACHE_PREFIX}${typeof manifestEntry === "object" ? manifestEntry.revision : "dev"}`;

/** Fetches and stores one pose asset, unless the answer is not the asset (see isCacheablePoseAsset). */
async function cachePoseAsset(cache: Cache, url: string): Promise<void> {
  const response = await fetch(url);
  if (isCacheablePoseAsset(response)) await cache.put(url, response);
  else console.warn(`Not caching ${url}: ${response.status} ${response.headers.get("content-type") ?? ""}`);
}

self.addEventListener("install", (event) => {
  // Cache the default model with the shell, so the first visit is enough to train offline.
  event.waitUntil(
    caches
      .open(poseCacheName)
      .then((cache) => Promise.all(OFFLINE_POSE_ASSETS.map((url) => cachePoseAsset(cache, url)))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((n) => n.startsWith(POSE_CACHE_PREFIX) && n !== poseCacheName)
          .map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

registerRoute(
  ({ url, sameOrigin }) =>
    sameOrigin && (url.pathname.startsWith(`${POSE_RUNTIME_BASE}/`) || url.pathname.startsWith("/models/")),
  new CacheFirst({
    cacheName: poseCacheName,
    plugins: [
      { cacheWillUpdate: async ({ response }) => (isCacheablePoseAsset(response) ? response : null) },
    ],
  }),
);

// The food index is fetched on the first Nutrition visit and kept from then on. Its name carries
// its content hash, so a new build's index is a new entry; the older one is dropped once it lands.
registerRoute(
  // Only the index file: a page address such as /nutrition/ must stay with the navigation route.
  ({ url, sameOrigin, request }) =>
    sameOrigin && request.destination !== "document" && url.pathname.startsWith("/nutrition/foods-"),
  new CacheFirst({
    cacheName: FOOD_INDEX_CACHE,
    plugins: [
      {
        cacheDidUpdate: async ({ cacheName, request }) => {
          const cache = await caches.open(cacheName);
          for (const old of await cache.keys()) if (old.url !== request.url) await cache.delete(old);
        },
      },
    ],
  }),
);

// The barcode reader's WebAssembly (browsers without a native BarcodeDetector) is fetched on the
// first Nutrition visit (or scan) and kept, like the food index: its name carries its hash, so older copies are dropped.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/nutrition/barcode-reader."),
  new CacheFirst({
    cacheName: BARCODE_READER_CACHE,
    plugins: [
      {
        cacheDidUpdate: async ({ cacheName, request }) => {
          const cache = await caches.open(cacheName);
          for (const old of await cache.keys()) if (old.url !== request.url) await cache.delete(old);
        },
      },
    ],
  }),
);

registerRoute(new NavigationRoute(createHandlerBoundToURL("index.html"), { denylist: [/^\/api\//] }));

// The page asks before an update takes over; it never reloads under the user by itself.
self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});
