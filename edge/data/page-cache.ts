/** Where a cached library page lives: KV (global, write-limited) or this location's Cache API. */
export type PageStore = "kv" | "edge-cache";

// The Cache API keys on URLs; this host is never fetched, it only names entries.
const cacheUrl = (key: string) => `https://library-cache.spotter.invalid/${encodeURIComponent(key)}`;

/** Reads a cached text body from `store`, or null. */
export async function readPage(env: Env, store: PageStore, key: string): Promise<string | null> {
  if (store === "kv") return env.CACHE.get(key);
  const hit = await caches.default.match(cacheUrl(key));
  return hit ? hit.text() : null;
}

/**
 * Keeps a text body for `ttlS` seconds. A failed write (KV's daily write quota, say) only costs a
 * later miss, so it is logged, never surfaced to the reader.
 */
export async function writePage(
  env: Env,
  store: PageStore,
  key: string,
  body: string,
  ttlS: number,
): Promise<void> {
  try {
    if (store === "kv") {
      await env.CACHE.put(key, body, { expirationTtl: ttlS });
      return;
    }
    const response = new Response(body, {
      headers: { "Content-Type": "application/json; charset=UTF-8", "Cache-Control": `max-age=${ttlS}` },
    });
    await caches.default.put(cacheUrl(key), response);
  } catch (err) {
    console.warn(JSON.stringify({ level: "warn", msg: "cache write failed", store, error: String(err) }));
  }
}
