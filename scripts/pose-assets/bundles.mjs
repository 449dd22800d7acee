import { readModel } from "./tflite-read.mjs";
import { buildPoseMetadata } from "./tflite-metadata.mjs";
import { attachMetadata } from "./tflite-splice.mjs";
import { createStoredZip } from "./zip-store.mjs";

/** Entry names MediaPipe's PoseLandmarker looks up inside a `.task` bundle. */
export const DETECTOR_ENTRY = "pose_detector.tflite";
export const LANDMARKER_ENTRY = "pose_landmarks_detector.tflite";

/**
 * Input normalisation per model, as (pixel - mean) / std on 0..255 pixels.
 * The detector was trained on [-1, 1] inputs, the landmark models on [0, 1].
 */
export const DETECTOR_NORMALIZATION = { meanValue: 127.5, stdValue: 127.5 };
export const LANDMARKER_NORMALIZATION = { meanValue: 0, stdValue: 255 };

/** @typedef {'lite' | 'full' | 'heavy'} PoseVariant */

/** @type {readonly PoseVariant[]} */
export const POSE_VARIANTS = ["lite", "full", "heavy"];

/** @param {PoseVariant} variant */
export const landmarkSourceName = (variant) => `pose_landmark_${variant}.tflite`;
/** @param {PoseVariant} variant */
export const bundleName = (variant) => `pose_landmarker_${variant}.task`;

/**
 * Adds MediaPipe-readable metadata to a float image model, naming every
 * output after the model's own output tensors.
 * @param {Uint8Array} modelBytes
 * @param {{ modelName: string, description: string, meanValue: number, stdValue: number }} spec
 */
export function withImageMetadata(modelBytes, spec) {
  const model = readModel(modelBytes);
  const metadata = buildPoseMetadata({
    modelName: spec.modelName,
    description: spec.description,
    input: { name: model.inputs[0]?.name ?? "input", meanValue: spec.meanValue, stdValue: spec.stdValue },
    outputNames: model.outputs.map((output) => output.name),
  });
  return attachMetadata(modelBytes, metadata);
}

/**
 * Builds a PoseLandmarker `.task` bundle from the BlazePose detector and one
 * landmark model (both plain `.tflite` without metadata).
 * @param {Uint8Array} detectorBytes `pose_detection.tflite`
 * @param {Uint8Array} landmarkBytes `pose_landmark_<variant>.tflite`
 * @param {PoseVariant} variant
 * @returns {Uint8Array}
 */
export function assemblePoseBundle(detectorBytes, landmarkBytes, variant) {
  const detector = withImageMetadata(detectorBytes, {
    modelName: "BlazePose detector",
    description: "Finds people and their alignment keypoints on a 224x224 RGB image.",
    ...DETECTOR_NORMALIZATION,
  });
  const landmarker = withImageMetadata(landmarkBytes, {
    modelName: `BlazePose GHUM 3D landmarks (${variant})`,
    description: "Estimates 33 body landmarks on a 256x256 RGB crop around one person.",
    ...LANDMARKER_NORMALIZATION,
  });
  return createStoredZip([
    { name: DETECTOR_ENTRY, data: detector },
    { name: LANDMARKER_ENTRY, data: landmarker },
  ]);
}
