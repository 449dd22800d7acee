import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { ZXING_WASM_SHA256, ZXING_WASM_VERSION } from "barcode-detector/ponyfill";

/** The ZXing reader's WebAssembly, ready to emit as a same-origin, content-hashed asset. */
export interface BarcodeReaderAsset {
  /** `nutrition/barcode-reader.<hash>.wasm`: a new build of the reader is a new URL. */
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Reads the reader wasm from the `zxing-wasm` that `barcode-detector` depends on and checks that it
 * is the very build its bundled loader expects (by SHA-256). The library would otherwise fetch it
 * from a CDN; the app serves this copy instead (see web/features/nutrition/barcode-fallback.ts).
 */
export function buildBarcodeReaderAsset(): BarcodeReaderAsset {
  const require = createRequire(import.meta.url);
  const fromDetector = createRequire(dirname(require.resolve("barcode-detector")) + "/");
  const path = fromDetector.resolve("zxing-wasm/reader/zxing_reader.wasm");
  const bytes = new Uint8Array(readFileSync(path));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== ZXING_WASM_SHA256) {
    throw new Error(
      `${path} (sha256 ${sha256}) is not the zxing-wasm ${ZXING_WASM_VERSION} build barcode-detector expects (${ZXING_WASM_SHA256}); reinstall with npm install.`,
    );
  }
  return { fileName: `nutrition/barcode-reader.${sha256.slice(0, 12)}.wasm`, bytes };
}
