import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import {
  assemblePoseBundle,
  bundleName,
  DETECTOR_ENTRY,
  LANDMARKER_ENTRY,
  landmarkSourceName,
} from "./bundles.mjs";
import { PoseAssetsError } from "./errors.mjs";
import { displayPath, formatMegabytes, readIfPresent, readInput, sha256Hex, writeAtomic } from "./files.mjs";
import { readManifest } from "./manifest.mjs";
import { extractPackedFile, readPackedFileTable } from "./pack-data.mjs";
import { readZipDirectory } from "./zip-store.mjs";

const POSE_PACKAGE = "the devDependency @mediapipe/pose (run npm install)";
// Code that shapes the output bytes: a change here must invalidate old outputs.
const TOOL_MODULES = [
  "bundles.mjs",
  "tflite-metadata.mjs",
  "tflite-splice.mjs",
  "tflite-read.mjs",
  "zip-store.mjs",
];

/**
 * @typedef {import('./bundles.mjs').PoseVariant} PoseVariant
 * @typedef {{ poseDir: string, outDir: string, variants: PoseVariant[], bundlesDir?: string,
 *   tasksVisionVersion: string, runtimeFiles: import('./manifest.mjs').ManifestFile[],
 *   log: (line: string) => void }} ModelOptions
 * @typedef {{ name: string, produce: () => Promise<Uint8Array> }} Job
 */

async function toolFingerprint() {
  const here = new URL(".", import.meta.url);
  const sources = await Promise.all(TOOL_MODULES.map((name) => readFile(new URL(name, here))));
  return sha256Hex(Buffer.concat(sources));
}

/**
 * Jobs that assemble bundles from `@mediapipe/pose`; also returns the
 * input bytes they depend on.
 * @param {ModelOptions} options
 */
async function assembleJobs({ poseDir, variants }) {
  const loader = await readInput(join(poseDir, "pose_solution_packed_assets_loader.js"), POSE_PACKAGE);
  const packed = await readInput(join(poseDir, "pose_solution_packed_assets.data"), POSE_PACKAGE);
  const detector = extractPackedFile(
    readPackedFileTable(new TextDecoder().decode(loader)),
    packed,
    "pose_detection.tflite",
  );
  const landmarks = await Promise.all(
    variants.map((v) => readInput(join(poseDir, landmarkSourceName(v)), POSE_PACKAGE)),
  );
  /** @type {Job[]} */
  const jobs = variants.map((variant, i) => ({
    name: bundleName(variant),
    produce: async () => assemblePoseBundle(detector, landmarks[i], variant),
  }));
  return { jobs, inputs: [detector, ...landmarks], source: "assembled from @mediapipe/pose" };
}

/**
 * Jobs that copy official bundles, after checking each is a `.task` zip.
 * @param {ModelOptions & { bundlesDir: string }} options
 */
async function copyJobs({ bundlesDir, variants }) {
  const provider = "SPOTTER_POSE_BUNDLES_DIR";
  const bundles = await Promise.all(
    variants.map((v) => readInput(join(bundlesDir, bundleName(v)), provider)),
  );
  bundles.forEach((bytes, i) => {
    const names = readZipDirectory(bytes).map((entry) => entry.name);
    if (!names.includes(DETECTOR_ENTRY) || !names.includes(LANDMARKER_ENTRY)) {
      throw new PoseAssetsError(
        "BUNDLE_INVALID",
        `${bundleName(variants[i])} lacks ${DETECTOR_ENTRY} or ${LANDMARKER_ENTRY}`,
      );
    }
  });
  /** @type {Job[]} */
  const jobs = variants.map((variant, i) => ({ name: bundleName(variant), produce: async () => bundles[i] }));
  return { jobs, inputs: bundles, source: `copied from ${bundlesDir}` };
}

/**
 * True when every file the manifest lists exists with its recorded hash.
 * @param {string} outDir
 * @param {import('./manifest.mjs').Manifest} manifest
 */
async function outputsMatch(outDir, manifest) {
  for (const file of manifest.files) {
    const bytes = await readIfPresent(join(outDir, file.name));
    if (!bytes || bytes.length !== file.bytes || sha256Hex(bytes) !== file.sha256) return false;
  }
  return true;
}

/** Removes bundles from earlier runs that this run does not produce (e.g. heavy). */
async function removeStaleBundles(/** @type {string} */ outDir, /** @type {string[]} */ keep) {
  for (const name of await readdir(outDir)) {
    if (name.startsWith("pose_landmarker_") && name.endsWith(".task") && !keep.includes(name)) {
      await rm(join(outDir, name));
    }
  }
}

/**
 * Produces the PoseLandmarker bundles and `manifest.json` (bundles and
 * runtime files with bytes and SHA-256) in `outDir`, skipping all work when
 * the manifest says the same inputs already built outputs that are still
 * intact.
 * @param {ModelOptions} options
 * @returns {Promise<{ skipped: boolean, manifest: import('./manifest.mjs').Manifest }>}
 */
export async function buildModels(options) {
  const { outDir, bundlesDir, tasksVisionVersion, runtimeFiles, log } = options;
  const { jobs, inputs, source } = bundlesDir
    ? await copyJobs({ ...options, bundlesDir })
    : await assembleJobs(options);
  const inputsSha256 = sha256Hex(
    [
      await toolFingerprint(),
      source,
      tasksVisionVersion,
      JSON.stringify(runtimeFiles),
      ...jobs.map((j) => j.name),
      ...inputs.map(sha256Hex),
    ].join("\n"),
  );
  await mkdir(outDir, { recursive: true });
  const manifestPath = join(outDir, "manifest.json");
  const previous = await readManifest(manifestPath);
  if (previous && previous.inputsSha256 === inputsSha256 && (await outputsMatch(outDir, previous))) {
    log(`pose-assets: ${displayPath(outDir)} up to date (${previous.files.map((f) => f.name).join(", ")})`);
    return { skipped: true, manifest: previous };
  }
  const files = [];
  for (const job of jobs) {
    const bytes = await job.produce();
    await writeAtomic(join(outDir, job.name), bytes);
    files.push({ name: job.name, bytes: bytes.length, sha256: sha256Hex(bytes) });
    log(`pose-assets: ${displayPath(join(outDir, job.name))} ${formatMegabytes(bytes.length)} (${source})`);
  }
  await removeStaleBundles(
    outDir,
    jobs.map((j) => j.name),
  );
  // Listing the runtime too means the manifest changes whenever anything the
  // service worker caches alongside it changes.
  const manifest = { tasksVisionVersion, source, inputsSha256, files, runtime: runtimeFiles };
  await writeAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  log(`pose-assets: ${displayPath(manifestPath)}`);
  return { skipped: false, manifest };
}
