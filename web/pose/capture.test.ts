import { describe, expect, it } from "vitest";
import { MODEL_INPUT_SHORT_SIDE_PX, modelInputSize } from "./capture";
import { quantile } from "./percentiles";

describe("modelInputSize", () => {
  it("scales the short side down to the model input size, keeping the aspect ratio", () => {
    expect(modelInputSize(1280, 720, 288)).toEqual({ widthPx: 512, heightPx: 288 });
    expect(modelInputSize(1920, 1080, 288)).toEqual({ widthPx: 512, heightPx: 288 });
    // Portrait: the short side is the width.
    expect(modelInputSize(720, 1080, 288)).toEqual({ widthPx: 288, heightPx: 432 });
  });
  it("gives every camera size the same input, so cost does not grow with the camera", () => {
    const inputs = [
      [1280, 720],
      [1920, 1080],
      [3840, 2160],
    ].map(([w = 0, h = 0]) => modelInputSize(w, h));
    expect(new Set(inputs.map((s) => `${s.widthPx}x${s.heightPx}`)).size).toBe(1);
    expect(inputs[0]?.heightPx).toBe(MODEL_INPUT_SHORT_SIDE_PX);
  });
  it("leaves frames already small enough alone", () => {
    expect(modelInputSize(320, 240, 288)).toEqual({ widthPx: 320, heightPx: 240 });
    expect(modelInputSize(0, 0)).toEqual({ widthPx: 0, heightPx: 0 });
  });
});

describe("quantile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.95)).toBe(95);
    expect(quantile([], 0.5)).toBeNull();
  });
});
