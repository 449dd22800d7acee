import { afterEach, describe, expect, it, vi } from "vitest";
import { BarcodeReaderUnavailableError, scanBarcode } from "./barcode-scan";

// The fallback module is ours: here it fails as it would offline before the reader was ever kept.
vi.mock("./barcode-fallback", () => ({
  loadFallbackReader: () => Promise.reject(new Error("both async and sync fetching of the wasm failed")),
}));

describe("scanning without a native BarcodeDetector", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("says in words that the reader could not load, and never opens the camera", async () => {
    expect("BarcodeDetector" in globalThis).toBe(false);
    const getUserMedia = vi.fn();
    vi.stubGlobal("navigator", { mediaDevices: { getUserMedia } });
    const stages: string[] = [];
    const scan = scanBarcode(document.createElement("video"), new AbortController().signal, {
      onStage: (stage) => stages.push(stage),
    });
    await expect(scan).rejects.toThrow(BarcodeReaderUnavailableError);
    await expect(scan).rejects.toThrow(/could not load.*Type the number instead/);
    expect(stages).toEqual(["loading-reader"]);
    expect(getUserMedia).not.toHaveBeenCalled();
  });
});
