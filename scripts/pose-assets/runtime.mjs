import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { PoseAssetsError } from "./errors.mjs";
import { displayPath, formatMegabytes, readIfPresent, readInput, sha256Hex, writeAtomic } from "./files.mjs";

/**
 * Copies every file of the tasks-vision WASM runtime (SIMD, non-SIMD and
 * module builds) so the pose worker can load them from our own origin.
 * Files whose bytes already match are left alone.
 * @param {{ sourceDir: string, outDir: string, log: (line: string) => void }} options
 * @returns {Promise<import('./manifest.mjs').ManifestFile[]>} every runtime file, copied or not
 */
export async function copyRuntime({ sourceDir, outDir, log }) {
  /** @type {string[]} */
  let names;
  try {
    names = (await readdir(sourceDir)).sort();
  } catch {
    throw new PoseAssetsError(
      "INPUT_MISSING",
      `missing ${sourceDir} (provided by the dependency @mediapipe/tasks-vision; run npm install)`,
    );
  }
  if (names.length === 0) throw new PoseAssetsError("INPUT_MISSING", `${sourceDir} is empty`);
  await mkdir(outDir, { recursive: true });
  const files = [];
  for (const name of names) {
    const source = await readInput(join(sourceDir, name), "@mediapipe/tasks-vision");
    files.push({ name, bytes: source.length, sha256: sha256Hex(source) });
    const existing = await readIfPresent(join(outDir, name));
    if (existing && Buffer.from(existing).equals(source)) continue;
    await writeAtomic(join(outDir, name), source);
    log(`pose-assets: ${displayPath(join(outDir, name))} ${formatMegabytes(source.length)} (copied)`);
  }
  return files;
}
