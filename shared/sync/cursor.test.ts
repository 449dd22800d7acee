import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CursorError, decodeCursor, encodeCursor } from "./cursor";

describe("pull cursor", () => {
  it("round-trips any server version", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (version) => {
        expect(decodeCursor(encodeCursor(version))).toBe(version);
      }),
    );
  });

  it("starts from the beginning without a cursor", () => {
    expect(decodeCursor(undefined)).toBe(0);
    expect(decodeCursor("")).toBe(0);
  });

  it("refuses cursors it never issued", () => {
    for (const bad of ["12", "v1.", "v1.-3", "v2.10", "v1.zzzzzzzzzzzz", "v1.1 OR 1=1"]) {
      expect(() => decodeCursor(bad)).toThrow(CursorError);
    }
  });
});
