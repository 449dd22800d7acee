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
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loadedBytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loadedBytes += value.byteLength;
    onBytes(loadedBytes, Math.max(declaredBytes, loadedBytes));
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const whole = new Uint8Array(loadedBytes);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/** True when the service worker already holds `url`, so fetching it again costs no download. */
export async function isCached(url: string): Promise<boolean> {
  if (typeof caches === "undefined") return false;
  return (await caches.match(url)) !== undefined;
}
