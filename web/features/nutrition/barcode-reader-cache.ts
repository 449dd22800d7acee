/** The Cache Storage cache holding the barcode reader's WebAssembly (the service worker serves it). */
export const BARCODE_READER_CACHE = "spotter-barcode-reader";

/**
 * Makes sure the reader at `url` is in the offline cache, and only that version: a new build's
 * reader has a new URL (its name carries its hash). Returns whether it had to download it.
 */
export async function keepBarcodeReaderOffline(url: string): Promise<boolean> {
  const cache = await caches.open(BARCODE_READER_CACHE);
  const absolute = new URL(url, location.origin).href;
  for (const old of await cache.keys()) if (old.url !== absolute) await cache.delete(old);
  if (await cache.match(absolute)) return false;
  await cache.add(absolute);
  return true;
}

/** The parts of the Network Information API that say a download costs the user (Chromium has it). */
export interface ConnectionHints {
  saveData?: boolean;
  /** `"cellular"` is taken as metered: the browser does not say what the plan costs. */
  type?: string;
  /** Older drafts (and some browsers) said so outright. */
  metered?: boolean;
}

/** Whether a background download of the reader (1.1 MB, 459 KB gzipped) is fine on this connection. */
export function mayPrefetchOn(connection: ConnectionHints | undefined): boolean {
  if (!connection) return true;
  return connection.saveData !== true && connection.metered !== true && connection.type !== "cellular";
}
