import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shellFiles } from "./load-bench.ts";

describe("shell files", () => {
  it("counts the entry, its static imports (transitively) and linked CSS, not lazy chunks", () => {
    const dist = mkdtempSync(join(tmpdir(), "shell-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(
      join(dist, "index.html"),
      '<script type="module" src="/assets/index.js"></script><link rel="stylesheet" href="/assets/index.css">',
    );
    writeFileSync(
      join(dist, "assets/index.js"),
      'import{a}from"./vendor.js";const p=()=>import("./Page.js");',
    );
    writeFileSync(join(dist, "assets/vendor.js"), 'import"./runtime.js";export const a=1;');
    writeFileSync(join(dist, "assets/runtime.js"), "export{};");
    writeFileSync(join(dist, "assets/Page.js"), "export default 1;");
    const files = shellFiles(dist);
    expect(files.js.sort()).toEqual(["assets/index.js", "assets/runtime.js", "assets/vendor.js"]);
    expect(files.css).toEqual(["assets/index.css"]);
  });
});
