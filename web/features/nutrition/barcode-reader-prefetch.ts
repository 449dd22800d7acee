import { BARCODE_READER_WASM_URL } from "virtual:barcode-reader";
import { keepBarcodeReaderOffline, mayPrefetchOn, type ConnectionHints } from "./barcode-reader-cache";
import { needsFallbackReader } from "./barcode-scan";

let started = false;
const RETRIES = 2;
const RETRY_AFTER_MS = 5_000;

/** Keeps the reader when this browser needs it; a dropped download is tried again a little later. */
async function keepIfNeeded(retries: number): Promise<void> {
  if (!(await needsFallbackReader())) return;
  try {
    if (await keepBarcodeReaderOffline(BARCODE_READER_WASM_URL))
      performance.mark("spotter:barcode-reader-kept");
  } catch (err) {
    if (retries <= 0) throw err;
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
    await keepIfNeeded(retries - 1);
  }
}

/**
 * On a Nutrition visit, in idle time, keeps the barcode reader's WebAssembly in the offline cache
 * when this browser would need it, so that a first-ever scan also works offline. Once per page
 * life (and a no-op once the cache has this build's copy); never on a save-data or metered
 * connection. Returns a function that cancels it if it has not started yet.
 */
export function prefetchBarcodeReaderWhenIdle(): () => void {
  if (started || typeof caches === "undefined") return () => {};
  const connection = (navigator as { connection?: ConnectionHints }).connection;
  if (!mayPrefetchOn(connection)) return () => {};
  started = true;
  let ran = false;
  const run = () => {
    ran = true;
    keepIfNeeded(RETRIES).catch((err: unknown) => {
      started = false; // a later visit tries again
      console.warn("Spotter: the barcode reader could not be kept for offline use", err);
    });
  };
  const idle = typeof requestIdleCallback === "function";
  const handle = idle ? requestIdleCallback(run, { timeout: 10_000 }) : setTimeout(run, 2_000);
  return () => {
    if (ran) return;
    if (idle) cancelIdleCallback(handle);
    else clearTimeout(handle);
    started = false;
  };
}
