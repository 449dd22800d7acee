import { describe, expect, it } from "vitest";
import { parseHeadersFile } from "./serve-app.mjs";

describe("parseHeadersFile", () => {
  it("reads path rules and their headers, with * matching any rest of the path", () => {
    const rules = parseHeadersFile("/*\n  A: 1\n  B: x: y\n\n/models/*\n  Cache-Control: max-age=5\n");
    const matching = (path) => rules.filter((r) => r.pattern.test(path)).flatMap((r) => r.headers);
    expect(matching("/train")).toEqual([
      ["A", "1"],
      ["B", "x: y"],
    ]);
    expect(matching("/models/lite.task")).toContainEqual(["Cache-Control", "max-age=5"]);
  });
});
