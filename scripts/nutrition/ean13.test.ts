import { describe, expect, it } from "vitest";
import { ean13CheckDigit, ean13Modules, ean13Y4m } from "./ean13";

describe("EAN-13 test symbols", () => {
  it("computes check digits of real retail codes", () => {
    expect(ean13CheckDigit("400638133393")).toBe(1);
    expect(ean13CheckDigit("730040048158")).toBe(8);
    expect(ean13CheckDigit("978030640615")).toBe(7);
  });

  it("lays out guards and digits as the standard does", () => {
    const bits = ean13Modules("4006381333931")
      .map((bar) => (bar ? "1" : "0"))
      .join("");
    expect(bits).toHaveLength(95);
    expect(bits.slice(0, 3)).toBe("101");
    expect(bits.slice(45, 50)).toBe("01010");
    expect(bits.slice(92)).toBe("101");
    // First digit 4 sets parity LGLLGG: the second digit (0) is L, the third (0) is G.
    expect(bits.slice(3, 10)).toBe("0001101");
    expect(bits.slice(10, 17)).toBe("0100111");
    // The right half is R codes: the last digit 1 is 1100110.
    expect(bits.slice(85, 92)).toBe("1100110");
  });

  it("refuses a code with a wrong check digit", () => {
    expect(() => ean13Modules("4006381333932")).toThrow(/check digit/);
  });

  it("writes a Y4M clip of the requested size", () => {
    const clip = ean13Y4m("4006381333931", { width: 640, height: 480, frames: 1 });
    const header = "YUV4MPEG2 W640 H480 F30:1 Ip A1:1 C420jpeg\n";
    expect(new TextDecoder().decode(clip.slice(0, header.length))).toBe(header);
    expect(clip.length).toBe(header.length + "FRAME\n".length + 640 * 480 * 1.5);
  });
});
