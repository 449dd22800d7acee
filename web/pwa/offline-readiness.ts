import { OFFLINE_POSE_ASSETS } from "../pose/assets";

/**
 * True when a service worker controls the page and the shell plus the default pose model and
 * runtime are in its caches: only then is "ready to work offline" a promise we can keep.
 */
export async function isOfflineReady(): Promise<boolean> {
  if (!("serviceWorker" in navigator) || !navigator.serviceWorker.controller) return false;
  const hits = await Promise.all(OFFLINE_POSE_ASSETS.map((url) => caches.match(url)));
  return hits.every(Boolean);
}
