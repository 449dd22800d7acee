/** Retail codes: the ones printed on food packaging. */
const RETAIL_FORMATS = ["ean_13", "ean_8", "upc_a", "upc_e"] as const;

/** What scanning needs from a detector: the native Barcode Detection API and the fallback share it. */
export interface BarcodeReader {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface NativeDetectorClass {
  new (options?: { formats?: string[] }): BarcodeReader;
  getSupportedFormats?: () => Promise<string[]>;
}

/** Which reader a scan uses: the browser's own, or ZXing in WebAssembly. */
export type ReaderKind = "native" | "zxing-wasm";

/** The retail formats the browser's own BarcodeDetector reads; null when it has none or no EAN-13. */
async function nativeRetailFormats(): Promise<string[] | null> {
  const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Native) return null;
  const supported = (await Native.getSupportedFormats?.().catch(() => [])) ?? [];
  // It exists without formats on some systems.
  if (!supported.includes("ean_13")) return null;
  return RETAIL_FORMATS.filter((f) => supported.includes(f));
}

/** Whether a scan here will need the WebAssembly reader (no native detector that reads EAN-13). */
export async function needsFallbackReader(): Promise<boolean> {
  return (await nativeRetailFormats()) === null;
}

/** The browser's BarcodeDetector when it reads EAN-13. */
async function nativeReader(): Promise<BarcodeReader | null> {
  const formats = await nativeRetailFormats();
  const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  return formats && Native ? new Native({ formats }) : null;
}

/** `HTMLMediaElement.HAVE_CURRENT_DATA`: a frame is there to read. */
const HAVE_CURRENT_DATA = 2;

const READER_UNAVAILABLE =
  "The barcode reader could not load (it is fetched once while online, on a Nutrition visit or a scan). Type the number instead.";

/** The reader failed to load: said in words, with the way that still works. */
export class BarcodeReaderUnavailableError extends Error {
  readonly code = "barcode_reader_unavailable";
  constructor(cause: unknown) {
    super(READER_UNAVAILABLE, { cause });
  }
}

/** ZXing in WebAssembly, its code and 1 MB of wasm fetched only now that someone scans. */
async function loadFallback(): Promise<BarcodeReader> {
  try {
    const { loadFallbackReader } = await import("./barcode-fallback");
    return await loadFallbackReader(RETAIL_FORMATS);
  } catch (err) {
    throw new BarcodeReaderUnavailableError(err);
  }
}

/** Whether this browser can open a camera at all (the typed code is the way in otherwise). */
export function canUseCamera(): boolean {
  return typeof navigator !== "undefined" && typeof navigator.mediaDevices?.getUserMedia === "function";
}

/** Callbacks telling the page what a scan is doing, so the wait is never silent. */
export interface ScanProgress {
  onStage(stage: "loading-reader" | "starting-camera" | "scanning", reader?: ReaderKind): void;
}

/**
 * Reads barcodes from the camera until one is found or `signal` aborts; the camera is released
 * either way, also when the user stops during the permission prompt.
 */
export async function scanBarcode(
  video: HTMLVideoElement,
  signal: AbortSignal,
  progress: ScanProgress,
): Promise<string | null> {
  let reader = await nativeReader();
  let kind: ReaderKind = "native";
  if (!reader) {
    progress.onStage("loading-reader");
    reader = await loadFallback();
    kind = "zxing-wasm";
  }
  if (signal.aborted) return null;
  progress.onStage("starting-camera", kind);
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
  try {
    if (signal.aborted) return null;
    video.srcObject = stream;
    await video.play();
    progress.onStage("scanning", kind);
    while (!signal.aborted) {
      const [found] = video.readyState >= HAVE_CURRENT_DATA ? await reader.detect(video) : [];
      if (found?.rawValue) return found.rawValue;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return null;
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}
