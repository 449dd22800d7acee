import { PoseAssetsError } from "./errors.mjs";

/**
 * @typedef {{ filename: string, start: number, end: number }} PackedFile
 */

/**
 * Reads the file table that Emscripten's file packager embeds in
 * `*_packed_assets_loader.js` as `loadPackage({"files": [...]})`.
 * @param {string} loaderSource text of the loader script
 * @returns {PackedFile[]}
 */
export function readPackedFileTable(loaderSource) {
  const match = /loadPackage\((\{"files":.*?\})\)/s.exec(loaderSource);
  if (!match) {
    throw new PoseAssetsError(
      "PACK_TABLE_MISSING",
      'no loadPackage({"files": ...}) call in the packed assets loader',
    );
  }
  /** @type {unknown} */
  const parsed = JSON.parse(match[1]);
  const files = parsed && typeof parsed === "object" && "files" in parsed ? parsed.files : undefined;
  if (!Array.isArray(files))
    throw new PoseAssetsError("PACK_TABLE_INVALID", "packed file table has no files array");
  return files.map((file, i) => {
    const ok =
      file &&
      typeof file.filename === "string" &&
      Number.isInteger(file.start) &&
      Number.isInteger(file.end) &&
      file.start >= 0 &&
      file.end >= file.start;
    if (!ok) throw new PoseAssetsError("PACK_TABLE_INVALID", `packed file entry ${i} is malformed`);
    return { filename: file.filename, start: file.start, end: file.end };
  });
}

/**
 * Cuts one file out of an Emscripten `.data` package by its base name.
 * @param {PackedFile[]} table from {@link readPackedFileTable}
 * @param {Uint8Array} data contents of the `.data` file
 * @param {string} baseName e.g. `pose_detection.tflite`
 * @returns {Uint8Array}
 */
export function extractPackedFile(table, data, baseName) {
  const file = table.find((f) => f.filename.split("/").pop() === baseName);
  if (!file) {
    const names = table.map((f) => f.filename).join(", ");
    throw new PoseAssetsError("PACK_FILE_MISSING", `${baseName} is not in the packed assets (has: ${names})`);
  }
  if (file.end > data.length) {
    throw new PoseAssetsError(
      "PACK_DATA_SHORT",
      `packed data is ${data.length} bytes but ${baseName} ends at ${file.end}`,
    );
  }
  return data.subarray(file.start, file.end);
}
