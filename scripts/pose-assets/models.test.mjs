import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildModels } from "./models.mjs";
import { readZipDirectory } from "./zip-store.mjs";

const poseDir = fileURLToPath(new URL("../../node_modules/@mediapipe/pose/", import.meta.url));
const sha256 = (/** @type {Uint8Array} */ bytes) => createHash("sha256").update(bytes).digest("hex");

/** @type {string} */ let outDir;
/** @type {string[]} */ let lines;
const options = () => ({
  poseDir,
  outDir,
  variants: /** @type {import('./bundles.mjs').PoseVariant[]} */ (["lite"]),
  tasksVisionVersion: "1.1.0",
  runtimeFiles: [{ name: "vision_wasm_internal.wasm", bytes: 3, sha256: sha256(Uint8Array.from([1, 2, 3])) }],
  log: (/** @type {string} */ line) => lines.push(line),
});

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), "pose-assets-"));
  lines = [];
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe("buildModels", () => {
  it("writes the bundle and a manifest whose sizes and hashes match the files", async () => {
    await buildModels(options());
    const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8"));
    expect(manifest.tasksVisionVersion).toBe("1.1.0");
    expect(manifest.files.map((/** @type {{ name: string }} */ f) => f.name)).toEqual([
      "pose_landmarker_lite.task",
    ]);
    const bytes = new Uint8Array(await readFile(join(outDir, "pose_landmarker_lite.task")));
    expect(manifest.files[0]).toMatchObject({ bytes: bytes.length, sha256: sha256(bytes) });
    expect(lines.filter((l) => l.includes("pose_landmarker_lite.task"))).toHaveLength(1);
  });

  it("lists the runtime files, so a runtime change alone changes the manifest", async () => {
    const first = await buildModels(options());
    expect(first.manifest.runtime).toEqual(options().runtimeFiles);
    const newRuntime = [
      { name: "vision_wasm_internal.wasm", bytes: 3, sha256: sha256(Uint8Array.from([3, 2, 1])) },
    ];
    const second = await buildModels({ ...options(), runtimeFiles: newRuntime });
    expect(second.skipped).toBe(false);
    const written = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8"));
    expect(written.runtime).toEqual(newRuntime);
  });

  it("does nothing on a second run with the same inputs", async () => {
    await buildModels(options());
    lines = [];
    const second = await buildModels(options());
    expect(second.skipped).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/up to date/);
  });

  it("rebuilds a bundle that was damaged after the last run", async () => {
    const first = await buildModels(options());
    await writeFile(join(outDir, "pose_landmarker_lite.task"), "truncated");
    const second = await buildModels(options());
    expect(second.skipped).toBe(false);
    const bytes = new Uint8Array(await readFile(join(outDir, "pose_landmarker_lite.task")));
    expect(sha256(bytes)).toBe(first.manifest.files[0].sha256);
  });

  it("drops a bundle from an earlier run that is no longer asked for", async () => {
    await buildModels({ ...options(), variants: ["lite", "full"] });
    await buildModels(options());
    expect((await readdir(outDir)).sort()).toEqual(["manifest.json", "pose_landmarker_lite.task"]);
  });

  it("fails with INPUT_MISSING when @mediapipe/pose files are absent", async () => {
    await expect(buildModels({ ...options(), poseDir: outDir })).rejects.toMatchObject({
      code: "INPUT_MISSING",
      message: expect.stringContaining("pose_solution_packed_assets_loader.js"),
    });
  });

  it("copies official bundles byte for byte when given a bundles folder", async () => {
    const bundlesDir = await mkdtemp(join(tmpdir(), "pose-bundles-"));
    try {
      await buildModels({ ...options(), outDir: bundlesDir });
      const official = new Uint8Array(await readFile(join(bundlesDir, "pose_landmarker_lite.task")));
      const result = await buildModels({ ...options(), bundlesDir });
      const copied = new Uint8Array(await readFile(join(outDir, "pose_landmarker_lite.task")));
      expect(Buffer.from(copied).equals(Buffer.from(official))).toBe(true);
      expect(result.manifest.source).toContain(bundlesDir);
      expect(readZipDirectory(copied)).toHaveLength(2);
    } finally {
      await rm(bundlesDir, { recursive: true, force: true });
    }
  });

  it("refuses a bundles folder whose .task lacks the pose models", async () => {
    const bundlesDir = await mkdtemp(join(tmpdir(), "pose-bundles-"));
    try {
      const { createStoredZip } = await import("./zip-store.mjs");
      const wrong = createStoredZip([{ name: "hand_detector.tflite", data: new Uint8Array(4) }]);
      await writeFile(join(bundlesDir, "pose_landmarker_lite.task"), wrong);
      await expect(buildModels({ ...options(), bundlesDir })).rejects.toMatchObject({
        code: "BUNDLE_INVALID",
      });
    } finally {
      await rm(bundlesDir, { recursive: true, force: true });
    }
  });
});
