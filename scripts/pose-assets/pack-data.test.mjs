import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractPackedFile, readPackedFileTable } from "./pack-data.mjs";

const poseDir = new URL("../../node_modules/@mediapipe/pose/", import.meta.url);
const loaderSource = (/** @type {object[]} */ files) =>
  `var Module;(function(){function loadPackage(metadata){}\nloadPackage(${JSON.stringify({ files, remote_package_size: 10 })})})();`;

describe("readPackedFileTable / extractPackedFile", () => {
  it("cuts the named file out of the package by its offsets", () => {
    const table = readPackedFileTable(
      loaderSource([
        { filename: "/a/one.bin", start: 0, end: 3 },
        { filename: "/b/two.tflite", start: 3, end: 7 },
      ]),
    );
    const data = Uint8Array.from([1, 2, 3, 4, 5, 6, 7]);
    expect(extractPackedFile(table, data, "two.tflite")).toEqual(Uint8Array.from([4, 5, 6, 7]));
  });

  it("says which files exist when the wanted one is absent", () => {
    const table = readPackedFileTable(loaderSource([{ filename: "/a/one.bin", start: 0, end: 1 }]));
    expect(() => extractPackedFile(table, new Uint8Array(1), "pose_detection.tflite")).toThrow(/one\.bin/);
  });

  it("rejects a table whose file runs past the data", () => {
    const table = readPackedFileTable(loaderSource([{ filename: "/x.tflite", start: 0, end: 9 }]));
    expect(() => extractPackedFile(table, new Uint8Array(4), "x.tflite")).toThrow(
      expect.objectContaining({ code: "PACK_DATA_SHORT" }),
    );
  });

  it("rejects a loader without a file table", () => {
    expect(() => readPackedFileTable("console.log('hi')")).toThrow(
      expect.objectContaining({ code: "PACK_TABLE_MISSING" }),
    );
  });

  it("finds the BlazePose detector, a TFLite model, in @mediapipe/pose", () => {
    const table = readPackedFileTable(
      readFileSync(new URL("pose_solution_packed_assets_loader.js", poseDir), "utf8"),
    );
    const data = new Uint8Array(readFileSync(new URL("pose_solution_packed_assets.data", poseDir)));
    const detector = extractPackedFile(table, data, "pose_detection.tflite");
    expect(new TextDecoder().decode(detector.subarray(4, 8))).toBe("TFL3");
  });
});
