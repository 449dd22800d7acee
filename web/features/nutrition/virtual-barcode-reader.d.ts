/** Written by scripts/nutrition/vite-plugin.ts at build time. */
declare module "virtual:barcode-reader" {
  /** Same-origin URL of the ZXing reader's WebAssembly (`/nutrition/barcode-reader.<hash>.wasm`). */
  export const BARCODE_READER_WASM_URL: string;
}
