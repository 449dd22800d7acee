import { describe, expect, it } from "vitest";
import { needsIosHint } from "./install-offer";

const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const IPHONE_CHROME =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1";
const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

describe("the iOS install hint", () => {
  it("shows in Safari on an iPhone until the app runs from the home screen", () => {
    expect(needsIosHint(IPHONE_SAFARI, false)).toBe(true);
    expect(needsIosHint(IPHONE_SAFARI, true)).toBe(false);
  });

  it("does not show where it cannot help or is not needed", () => {
    expect(needsIosHint(IPHONE_CHROME, false)).toBe(false);
    expect(needsIosHint(ANDROID_CHROME, false)).toBe(false);
  });
});
