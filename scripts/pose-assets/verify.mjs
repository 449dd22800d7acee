#!/usr/bin/env node
// Proves the assembled bundles work in a real browser: renders a standing
// mannequin (three + mannequin-js, dev-only) in headless Chromium, runs
// @mediapipe/tasks-vision PoseLandmarker on it with each bundle, and checks
// the body is found with 33 landmarks in a sensible vertical order. A blank
// frame must yield no pose. Exit code 1 when any check fails.
import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { bundleName } from "./bundles.mjs";
import { checkStandingPose, jointErrorPx } from "./pose-checks.mjs";
import { serveStatic } from "./static-server.mjs";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const nodeModules = join(repoRoot, "node_modules");
const shown = [0, 11, 12, 23, 24, 25, 26, 27, 28];
const names = {
  0: "nose",
  11: "l.shoulder",
  12: "r.shoulder",
  23: "l.hip",
  24: "r.hip",
  25: "l.knee",
  26: "r.knee",
  27: "l.ankle",
  28: "r.ankle",
};

/** @param {string} variant */
async function modelExists(variant) {
  return access(join(repoRoot, "public", "models", bundleName(variant))).then(
    () => true,
    () => false,
  );
}

async function main() {
  const server = await serveStatic({
    "/mediapipe/": join(repoRoot, "public", "mediapipe"),
    "/models/": join(repoRoot, "public", "models"),
    "/vendor/three/": join(nodeModules, "three"),
    "/vendor/mannequin-js/": join(nodeModules, "mannequin-js"),
    "/vendor/tasks-vision/": join(nodeModules, "@mediapipe", "tasks-vision"),
    "/check/": fileURLToPath(new URL(".", import.meta.url)),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
    ],
  });
  let failures = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 480, height: 640 } });
    page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
    await page.goto(`${server.origin}/check/verify-page.html`);
    await page.waitForFunction(() => "pageReady" in globalThis, undefined, { timeout: 60_000 });
    const variants = [];
    for (const variant of ["lite", "full", "heavy"]) if (await modelExists(variant)) variants.push(variant);
    for (const variant of variants) {
      const started = Date.now();
      const result = await page.evaluate(
        (path) => globalThis.detectPose(path),
        `/models/${bundleName(variant)}`,
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `${variant}: ${result.poses.length} pose(s) on ${result.imageWidthPx}x${result.imageHeightPx}px (load+detect ${seconds} s)`,
      );
      const [pose] = result.poses;
      if (pose) {
        const line = shown
          .map((i) => `${names[i]}=(${pose[i].x.toFixed(2)},${pose[i].y.toFixed(2)})`)
          .join(" ");
        console.log(`  ${line}`);
        const error = jointErrorPx(pose, result.truth, {
          widthPx: result.imageWidthPx,
          heightPx: result.imageHeightPx,
        });
        console.log(
          `  vs true joints: mean ${error.meanPx.toFixed(1)} px over 12 joints (image height ${result.imageHeightPx} px), ` +
            `${error.mirroredPairs}/${error.pairs} left/right pairs mirrored`,
        );
      }
      const problems = checkStandingPose(result.poses);
      for (const problem of problems) console.log(`  FAIL ${problem}`);
      if (problems.length === 0)
        console.log("  ok: one person, 33 landmarks, nose < shoulders < hips < knees < ankles");
      failures += problems.length;
      if (variant === variants[0]) {
        const outDir = join(repoRoot, ".cache", "pose-assets");
        await mkdir(outDir, { recursive: true });
        await writeFile(join(outDir, "mannequin.png"), Buffer.from(result.png.split(",")[1], "base64"));
        console.log(`  frame saved to ${join(outDir, "mannequin.png")}`);
      }
    }
    const blank = await page.evaluate(
      (path) => globalThis.detectPose(path, { blank: true }),
      `/models/${bundleName("lite")}`,
    );
    console.log(`blank frame (lite): ${blank.poses.length} pose(s)`);
    if (blank.poses.length !== 0) {
      console.log("  FAIL a pose was reported on an empty background");
      failures++;
    }
    const inWorker = await page.evaluate(
      (path) => globalThis.detectPoseInWorker(path),
      `/models/${bundleName("lite")}`,
    );
    const workerProblems = checkStandingPose(inWorker.poses);
    console.log(`module worker (lite, forVisionTasks(base, true)): ${inWorker.poses.length} pose(s)`);
    for (const problem of workerProblems) console.log(`  FAIL ${problem}`);
    failures += workerProblems.length;
  } finally {
    await browser.close();
    await server.close();
  }
  if (failures > 0) {
    console.error(`verify: ${failures} check(s) failed`);
    process.exitCode = 1;
  } else {
    console.log("verify: all checks passed");
  }
}

await main();
