import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { PoseAssetsError } from "./errors.mjs";

/**
 * @param {Uint8Array | string} bytes
 * @returns {string} lowercase hex SHA-256
 */
export const sha256Hex = (bytes) => createHash("sha256").update(bytes).digest("hex");

/**
 * Reads an input file, turning "not found" into a message that says what
 * provides it.
 * @param {string} path
 * @param {string} providedBy e.g. `the devDependency @mediapipe/pose`
 * @returns {Promise<Uint8Array>}
 */
export async function readInput(path, providedBy) {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      throw new PoseAssetsError("INPUT_MISSING", `missing ${path} (provided by ${providedBy})`);
    }
    throw error;
  }
}

/**
 * Reads a file if it exists.
 * @param {string} path
 * @returns {Promise<Uint8Array | undefined>}
 */
export async function readIfPresent(path) {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Writes through a temporary name so an interrupted run never leaves a
 * truncated file under the real name.
 * @param {string} path
 * @param {Uint8Array | string} data
 */
export async function writeAtomic(path, data) {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

/** @param {number} bytes */
export const formatMegabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * Path as printed in log lines: relative to the working directory (the repo
 * root under npm scripts), absolute when it lies outside.
 * @param {string} path
 */
export function displayPath(path) {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path;
}
