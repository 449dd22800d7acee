import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { assemblePoseBundle, DETECTOR_ENTRY, LANDMARKER_ENTRY } from "./bundles.mjs";
import { extractPackedFile, readPackedFileTable } from "./pack-data.mjs";
import { readModel, readModelMetadata } from "./tflite-read.mjs";
import { readZipDirectory } from "./zip-store.mjs";

const poseDir = new URL("../../node_modules/@mediapipe/pose/", import.meta.url);
const readPose = (/** @type {string} */ name) => new Uint8Array(readFileSync(new URL(name, poseDir)));

/** @type {Uint8Array} */ let detectorSource;
/** @type {Uint8Array} */ let landmarkSource;
/** @type {Uint8Array} */ let bundle;
/** @type {import('./zip-store.mjs').ZipEntry[]} */ let entries;

/** @param {string} name */
function entryBytes(name) {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in bundle`);
  return bundle.subarray(entry.dataOffset, entry.dataOffset + entry.compressedBytes);
}

/** The metadata flatbuffer a model's TFLITE_METADATA entry points to. */
function metadataOf(/** @type {Uint8Array} */ modelBytes) {
  const model = readModel(modelBytes);
  const entry = model.metadata.find((m) => m.name === "TFLITE_METADATA");
  if (!entry) throw new Error("no TFLITE_METADATA entry");
  return model.bufferData(entry.bufferIndex);
}

beforeAll(() => {
  const table = readPackedFileTable(
    new TextDecoder().decode(readPose("pose_solution_packed_assets_loader.js")),
  );
  detectorSource = extractPackedFile(
    table,
    readPose("pose_solution_packed_assets.data"),
    "pose_detection.tflite",
  );
  landmarkSource = readPose("pose_landmark_lite.tflite");
  bundle = assemblePoseBundle(detectorSource, landmarkSource, "lite");
  entries = readZipDirectory(bundle);
});

describe("assembled pose_landmarker_lite.task", () => {
  it("is a zip of exactly the two models MediaPipe looks up, both stored uncompressed", () => {
    expect(entries.map((e) => e.name)).toEqual([DETECTOR_ENTRY, LANDMARKER_ENTRY]);
    for (const entry of entries) {
      expect(entry.method).toBe(0);
      expect(entry.compressedBytes).toBe(entry.uncompressedBytes);
    }
  });

  // MediaPipe's pose graphs feed the detector [-1, 1] and the landmark model [0, 1].
  it.each([
    [DETECTOR_ENTRY, () => detectorSource, { mean: 127.5, std: 127.5 }],
    [LANDMARKER_ENTRY, () => landmarkSource, { mean: 0, std: 255 }],
  ])("gives %s RGB image metadata with its own normalisation", (name, source, normalization) => {
    const metadataBytes = metadataOf(entryBytes(name));
    expect(new TextDecoder().decode(metadataBytes.subarray(4, 8))).toBe("M001");
    const metadata = readModelMetadata(metadataBytes);
    const original = readModel(source());
    expect(metadata.inputs).toEqual([
      {
        name: original.inputs[0].name,
        colorSpace: 1,
        mean: [normalization.mean],
        std: [normalization.std],
      },
    ]);
    expect(metadata.outputNames).toEqual(original.outputs.map((o) => o.name));
  });

  it("names one metadata output per model output: 2 for the detector, 5 for the landmark model", () => {
    expect(readModelMetadata(metadataOf(entryBytes(DETECTOR_ENTRY))).outputNames).toHaveLength(2);
    expect(readModelMetadata(metadataOf(entryBytes(LANDMARKER_ENTRY))).outputNames).toHaveLength(5);
  });

  it.each([
    [DETECTOR_ENTRY, () => detectorSource],
    [LANDMARKER_ENTRY, () => landmarkSource],
  ])("leaves the %s graph, weights and existing metadata as they were", (name, source) => {
    const before = readModel(source());
    const after = readModel(entryBytes(name));
    expect(after.inputs).toEqual(before.inputs);
    expect(after.outputs).toEqual(before.outputs);
    expect(after.bufferCount).toBe(before.bufferCount + 1);
    expect(after.metadata.slice(0, -1)).toEqual(before.metadata);
    const changedBuffers = Array.from({ length: before.bufferCount }, (_, i) => i).filter(
      (i) => !Buffer.from(after.bufferData(i)).equals(Buffer.from(before.bufferData(i))),
    );
    expect(changedBuffers).toEqual([]);
  });

  it("keeps every weight buffer on the 16-byte alignment TFLite asks for", () => {
    for (const name of [DETECTOR_ENTRY, LANDMARKER_ENTRY]) {
      const model = readModel(entryBytes(name));
      for (let i = 0; i < model.bufferCount; i++) {
        const data = model.bufferData(i);
        if (data.length > 0) expect((data.byteOffset - bundle.byteOffset) % 16).toBe(0);
      }
    }
  });
});
