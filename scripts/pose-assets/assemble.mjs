#!/usr/bin/env node
// Entry point for `npm run assets` and postinstall: puts the MediaPipe WASM
// runtime in public/mediapipe/ and PoseLandmarker bundles in public/models/.
// Env: SPOTTER_HEAVY_MODEL=1 adds the heavy bundle; SPOTTER_POSE_BUNDLES_DIR
// copies official .task bundles instead of assembling them.
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { PoseAssetsError } from "./errors.mjs";
import { readInput } from "./files.mjs";
import { copyRuntime } from "./runtime.mjs";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const tasksVisionDir = join(repoRoot, "node_modules", "@mediapipe", "tasks-vision");

async function tasksVisionVersion() {
  const path = join(tasksVisionDir, "package.json");
  const bytes = await readInput(path, "the dependency @mediapipe/tasks-vision (run npm install)");
  /** @type {unknown} */
  const pkg = JSON.parse(new TextDecoder().decode(bytes));
  if (pkg && typeof pkg === "object" && "version" in pkg && typeof pkg.version === "string")
    return pkg.version;
  throw new PoseAssetsError("INPUT_INVALID", `${path} has no version field`);
}

/**
 * Loaded on demand so a missing devDependency (flatbuffers) surfaces as a
 * clear message instead of a module-resolution stack trace.
 */
async function loadBuildModels() {
  try {
    return (await import("./models.mjs")).buildModels;
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ERR_MODULE_NOT_FOUND") {
      const reason = error.message.split("\n")[0];
      throw new PoseAssetsError("INPUT_MISSING", `${reason} (install dev dependencies: npm install)`);
    }
    throw error;
  }
}

async function main() {
  const log = (/** @type {string} */ line) => console.log(line);
  const bundlesDir = process.env.SPOTTER_POSE_BUNDLES_DIR || undefined;
  const heavy = process.env.SPOTTER_HEAVY_MODEL === "1";
  // Check what can fail cheaply before copying 38 MB of runtime.
  const buildModels = await loadBuildModels();
  const version = await tasksVisionVersion();
  const runtimeFiles = await copyRuntime({
    sourceDir: join(tasksVisionDir, "wasm"),
    outDir: join(repoRoot, "public", "mediapipe"),
    log,
  });
  await buildModels({
    poseDir: join(repoRoot, "node_modules", "@mediapipe", "pose"),
    outDir: join(repoRoot, "public", "models"),
    variants: heavy ? ["lite", "full", "heavy"] : ["lite", "full"],
    bundlesDir,
    tasksVisionVersion: version,
    runtimeFiles,
    log,
  });
}

main().catch((error) => {
  if (error instanceof PoseAssetsError) {
    console.error(`pose-assets: ${error.message} [${error.code}]`);
    process.exitCode = 1;
    return;
  }
  throw error;
});
