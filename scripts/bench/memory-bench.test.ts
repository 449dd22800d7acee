import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { processTree, treeMemoryMb } from "./memory-bench.ts";

describe("memory bench: the process tree from /proc", () => {
  it("finds a child process below this one and sums its memory", async () => {
    const child = spawn("sleep", ["5"]);
    try {
      await new Promise((resolve) => child.once("spawn", resolve));
      const tree = processTree(process.pid);
      expect(tree[0]).toBe(process.pid);
      expect(tree).toContain(child.pid);
      const alone = treeMemoryMb([process.pid]);
      const both = treeMemoryMb([process.pid, child.pid!]);
      expect(alone.rssMb).toBeGreaterThan(10);
      // Shared pages are split in PSS: never more than RSS.
      expect(alone.pssMb).toBeLessThanOrEqual(alone.rssMb);
      expect(both.rssMb).toBeGreaterThan(alone.rssMb);
    } finally {
      child.kill();
    }
  });
});
