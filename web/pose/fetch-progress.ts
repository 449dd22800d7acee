import { readWithProgress } from "../net/read-with-progress";
import { PoseError } from "./pose-types";

/**
 * Fetches a file whole while reporting bytes as they arrive, so a 6-10 MB model download shows
 * real progress. `totalBytes` is the Content-Length, or the bytes so far when the server omits it.
 */
export async function fetchWithProgress(
  url: string,
  onBytes: (loadedBytes: number, totalBytes: number) => void,
): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) {
    throw new PoseError("model-fetch", `Could not download ${url} (HTTP ${response.status}).`);
  }
  const declaredBytes = Number(response.headers.get("content-length") ?? 0);
  return readWithProgress(response, declaredBytes, onBytes);
}

/** True when the service worker already holds `url`, so fetching it again costs no download. */
export async function isCached(url: string): Promise<boolean> {
  if (typeof caches === "undefined") return false;
  return (await caches.match(url)) !== undefined;
}
