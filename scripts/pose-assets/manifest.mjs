import { readIfPresent } from "./files.mjs";

/**
 * @typedef {{ name: string, bytes: number, sha256: string }} ManifestFile
 * @typedef {{ tasksVisionVersion: string, source: string, inputsSha256: string,
 *   files: ManifestFile[], runtime: ManifestFile[] }} Manifest
 */

/** @param {unknown} value @returns {value is ManifestFile} */
function isManifestFile(value) {
  if (!value || typeof value !== "object") return false;
  const file = /** @type {Record<string, unknown>} */ (value);
  return (
    typeof file.name === "string" &&
    Number.isInteger(file.bytes) &&
    typeof file.sha256 === "string" &&
    /^[0-9a-f]{64}$/.test(file.sha256)
  );
}

/**
 * Parses and checks a manifest's shape.
 * @param {string} text
 * @returns {Manifest | undefined} undefined when the text is not a valid manifest
 */
export function parseManifest(text) {
  /** @type {unknown} */
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== "object") return undefined;
  const m = /** @type {Record<string, unknown>} */ (value);
  const valid =
    typeof m.tasksVisionVersion === "string" &&
    typeof m.source === "string" &&
    typeof m.inputsSha256 === "string" &&
    Array.isArray(m.files) &&
    m.files.every(isManifestFile) &&
    Array.isArray(m.runtime) &&
    m.runtime.every(isManifestFile);
  if (!valid) return undefined;
  return /** @type {Manifest} */ (m);
}

/**
 * Reads `manifest.json` if present; a missing or unreadable one just means
 * "rebuild", so it yields undefined rather than an error.
 * @param {string} path
 */
export async function readManifest(path) {
  const bytes = await readIfPresent(path);
  return bytes ? parseManifest(new TextDecoder().decode(bytes)) : undefined;
}
