import { describe, expect, it } from "vitest";
import { isCacheablePoseAsset } from "./pose-cacheable";

const answer = (status: number, contentType?: string) =>
  new Response(new Uint8Array([1]), {
    status,
    headers: contentType ? { "content-type": contentType } : {},
  });

describe("isCacheablePoseAsset", () => {
  it("keeps models, WASM, scripts and the manifest", () => {
    for (const type of [
      "application/octet-stream",
      "application/wasm",
      "text/javascript",
      "application/json",
    ]) {
      expect(isCacheablePoseAsset(answer(200, type)), type).toBe(true);
    }
  });

  it("refuses the app's HTML fallback, errors, partial and untyped answers", () => {
    expect(isCacheablePoseAsset(answer(200, "text/html; charset=utf-8"))).toBe(false);
    expect(isCacheablePoseAsset(answer(200, "TEXT/HTML"))).toBe(false);
    expect(isCacheablePoseAsset(answer(404, "application/octet-stream"))).toBe(false);
    expect(isCacheablePoseAsset(answer(206, "application/octet-stream"))).toBe(false);
    expect(isCacheablePoseAsset(answer(500, "application/wasm"))).toBe(false);
    expect(isCacheablePoseAsset(answer(200))).toBe(false);
  });
});
