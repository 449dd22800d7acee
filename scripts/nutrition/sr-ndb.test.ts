import { describe, expect, it } from "vitest";
import { isSrNdbNumber, SR_NDB_RANGE } from "../../shared/nutrition/sr-ndb";
import { readSrRows } from "./build-food-index";

describe("NDB numbers of the USDA catalogue", () => {
  const ids = readSrRows().map((row) => String(row[0]));

  it("accepts every food in the package, and the range is exactly the package's", () => {
    expect(ids).toHaveLength(8790);
    expect(ids.filter((id) => !isSrNdbNumber(id))).toEqual([]);
    const sorted = [...ids].sort();
    expect([sorted[0], sorted.at(-1)]).toEqual([SR_NDB_RANGE.first, SR_NDB_RANGE.last]);
  });

  it("refuses ids no SR food can have", () => {
    for (const id of ["00000", "01000", "24001", "50000", "99999", "93601", "1123", "011234", "egg"]) {
      expect(isSrNdbNumber(id), id).toBe(false);
    }
  });

  it("knows no food-group prefix that the package lacks", () => {
    const used = new Set(ids.map((id) => id.slice(0, 2)));
    const known = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0")).filter((prefix) =>
      isSrNdbNumber(`${prefix}${prefix === "93" ? "600" : "500"}`),
    );
    expect(known.filter((prefix) => !used.has(prefix))).toEqual([]);
  });
});
