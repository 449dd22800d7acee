import {
  BarcodeDetector,
  prepareZXingModule,
  purgeZXingModule,
  type BarcodeFormat,
} from "barcode-detector/ponyfill";
import { BARCODE_READER_WASM_URL } from "virtual:barcode-reader";
import type { BarcodeReader } from "./barcode-scan";

/**
 * The library's loader asks for `zxing_reader.wasm` and by default fetches it from a CDN; the app
 * serves its own copy (emitted at build by scripts/nutrition/vite-plugin.ts, cached by the service
 * worker), so scanning works offline and no request leaves the origin. One constant object, so the
 * library's shallow comparison reuses the module it already instantiated.
 */
const overrides = {
  locateFile: (path: string, prefix: string) =>
    path.endsWith(".wasm") ? BARCODE_READER_WASM_URL : prefix + path,
};

/**
 * ZXing in WebAssembly, for browsers without a native BarcodeDetector (Chromium on Linux, Firefox,
 * Safari). Loaded only when a scan starts; resolves once the reader is compiled and ready.
 */
export async function loadFallbackReader(formats: readonly BarcodeFormat[]): Promise<BarcodeReader> {
  try {
    await prepareZXingModule({ overrides, fireImmediately: true });
  } catch (err) {
    // The library keeps the failed load for these overrides: drop it so the next scan tries again.
    purgeZXingModule();
    throw err;
  }
  return new BarcodeDetector({ formats: [...formats] });
}
