import { afterEach, describe, expect, it, vi } from "vitest";
import { mayPrefetchOn } from "./barcode-reader-cache";
import { needsFallbackReader } from "./barcode-scan";

describe("keeping the barcode reader before the first scan", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("downloads in the background only where that costs the user nothing extra", () => {
    expect(mayPrefetchOn(undefined)).toBe(true);
    expect(mayPrefetchOn({ type: "wifi", saveData: false })).toBe(true);
    expect(mayPrefetchOn({ saveData: true })).toBe(false);
    expect(mayPrefetchOn({ type: "cellular" })).toBe(false);
    expect(mayPrefetchOn({ metered: true })).toBe(false);
  });

  it("is needed without a BarcodeDetector, and where the browser's cannot read EAN-13", async () => {
    expect(await needsFallbackReader()).toBe(true);
    class NoFormats {
      static getSupportedFormats = () => Promise.resolve([] as string[]);
    }
    vi.stubGlobal("BarcodeDetector", NoFormats);
    expect(await needsFallbackReader()).toBe(true);
    class Retail {
      static getSupportedFormats = () => Promise.resolve(["qr_code", "ean_13", "upc_a"]);
    }
    vi.stubGlobal("BarcodeDetector", Retail);
    expect(await needsFallbackReader()).toBe(false);
  });
});
