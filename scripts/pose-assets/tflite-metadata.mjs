import { Builder } from "flatbuffers";

/** Name MediaPipe looks for in `Model.metadata`. */
export const METADATA_NAME = "TFLITE_METADATA";
const COLOR_SPACE_RGB = 1;
const CONTENT_IMAGE_PROPERTIES = 2;
const PROCESS_UNIT_NORMALIZATION = 1;
// Oldest metadata parser that understands ImageProperties + NormalizationOptions.
const MIN_PARSER_VERSION = "1.0.0";

/**
 * @typedef {{ name: string, meanValue: number, stdValue: number }} ImageInputSpec
 * @typedef {{ modelName: string, description: string, input: ImageInputSpec,
 *   outputNames: string[] }} PoseMetadataSpec
 */

/**
 * @param {Builder} b
 * @param {number[]} values
 */
function floatVector(b, values) {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]);
  return b.endVector();
}

/**
 * @param {Builder} b
 * @param {number[]} offsets
 */
function offsetVector(b, offsets) {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
  return b.endVector();
}

/**
 * Input TensorMetadata: RGB image content plus (x - mean) / std normalisation.
 * @param {Builder} b
 * @param {ImageInputSpec} input
 */
function imageInputTensor(b, input) {
  const mean = floatVector(b, [input.meanValue]);
  const std = floatVector(b, [input.stdValue]);
  b.startObject(2); // NormalizationOptions
  b.addFieldOffset(0, mean, 0);
  b.addFieldOffset(1, std, 0);
  const normalization = b.endObject();
  b.startObject(2); // ProcessUnit: options_type, options
  b.addFieldInt8(0, PROCESS_UNIT_NORMALIZATION, 0);
  b.addFieldOffset(1, normalization, 0);
  const processUnits = offsetVector(b, [b.endObject()]);
  b.startObject(2); // ImageProperties
  b.addFieldInt8(0, COLOR_SPACE_RGB, 0);
  const image = b.endObject();
  b.startObject(3); // Content
  b.addFieldInt8(0, CONTENT_IMAGE_PROPERTIES, 0);
  b.addFieldOffset(1, image, 0);
  const content = b.endObject();
  const name = b.createString(input.name);
  b.startObject(7); // TensorMetadata
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, processUnits, 0);
  return b.endObject();
}

/**
 * @param {Builder} b
 * @param {string} tensorName
 */
function namedTensor(b, tensorName) {
  const name = b.createString(tensorName);
  b.startObject(7); // TensorMetadata
  b.addFieldOffset(0, name, 0);
  return b.endObject();
}

/**
 * Serialises a TFLite `ModelMetadata` flatbuffer (identifier `M001`) with one
 * subgraph: one image input with normalisation, one named entry per output.
 * @param {PoseMetadataSpec} spec
 * @returns {Uint8Array}
 */
export function buildPoseMetadata(spec) {
  const b = new Builder(1024);
  const input = imageInputTensor(b, spec.input);
  const outputs = spec.outputNames.map((name) => namedTensor(b, name));
  const inputVector = offsetVector(b, [input]);
  const outputVector = offsetVector(b, outputs);
  b.startObject(7); // SubGraphMetadata
  b.addFieldOffset(2, inputVector, 0);
  b.addFieldOffset(3, outputVector, 0);
  const subgraphs = offsetVector(b, [b.endObject()]);
  const name = b.createString(spec.modelName);
  const description = b.createString(spec.description);
  const minParser = b.createString(MIN_PARSER_VERSION);
  b.startObject(8); // ModelMetadata
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(1, description, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, minParser, 0);
  b.finish(b.endObject(), "M001");
  return b.asUint8Array();
}
