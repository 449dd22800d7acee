import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { processTree, processType, treeMemoryMb } from "./memory-bench.ts";

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

describe("memory bench: Chromium's process types", () => {
  it("names the browser, renderers and each utility service apart (the camera's among them)", () => {
    expect(processType("/usr/lib/chromium/chromium\0--remote-debugging-pipe\0")).toBe("browser");
    expect(processType("chromium\0--type=renderer\0--lang=en-US\0")).toBe("renderer");
    expect(
      processType("chromium\0--type=utility\0--utility-sub-type=video_capture.mojom.VideoCaptureService\0"),
    ).toBe("utility:VideoCapture");
    expect(processType("chromium\0--type=utility\0--utility-sub-type=network.mojom.NetworkService\0")).toBe(
      "utility:Network",
    );
  });
});
