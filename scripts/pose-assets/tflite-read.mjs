import { PoseAssetsError } from "./errors.mjs";

/**
 * Minimal read-only flatbuffer table view over little-endian bytes. Just
 * enough for TFLite models and their metadata: no generated code needed.
 */
export class FlatTable {
  /**
   * @param {DataView} view
   * @param {number} pos absolute offset of the table
   */
  constructor(view, pos) {
    this.view = view;
    this.pos = pos;
    this.vtable = pos - view.getInt32(pos, true);
    this.vtableBytes = view.getUint16(this.vtable, true);
  }

  /** Number of field slots the vtable describes. */
  get slotCount() {
    return (this.vtableBytes - 4) / 2;
  }

  /**
   * Absolute offset of a field, or 0 when the field is absent.
   * @param {number} slot field index in schema order
   */
  fieldPos(slot) {
    if (slot >= this.slotCount) return 0;
    const rel = this.view.getUint16(this.vtable + 4 + 2 * slot, true);
    return rel === 0 ? 0 : this.pos + rel;
  }

  /** @param {number} slot @param {number} fallback */
  uint8(slot, fallback = 0) {
    const p = this.fieldPos(slot);
    return p ? this.view.getUint8(p) : fallback;
  }

  /** @param {number} slot @param {number} fallback */
  uint32(slot, fallback = 0) {
    const p = this.fieldPos(slot);
    return p ? this.view.getUint32(p, true) : fallback;
  }

  /** @param {number} slot @returns {bigint} */
  uint64(slot) {
    const p = this.fieldPos(slot);
    return p ? this.view.getBigUint64(p, true) : 0n;
  }

  /**
   * Follows an offset field.
   * @param {number} slot
   * @returns {number} absolute target offset, or 0 when absent
   */
  indirect(slot) {
    const p = this.fieldPos(slot);
    return p ? p + this.view.getUint32(p, true) : 0;
  }

  /** @param {number} slot @returns {FlatTable | undefined} */
  table(slot) {
    const p = this.indirect(slot);
    return p ? new FlatTable(this.view, p) : undefined;
  }

  /** @param {number} slot @returns {string | undefined} */
  string(slot) {
    const p = this.indirect(slot);
    if (!p) return undefined;
    const length = this.view.getUint32(p, true);
    return new TextDecoder().decode(new Uint8Array(this.view.buffer, this.view.byteOffset + p + 4, length));
  }

  /**
   * @param {number} slot
   * @returns {{ start: number, length: number }} start of the first element
   */
  vector(slot) {
    const p = this.indirect(slot);
    return p ? { start: p + 4, length: this.view.getUint32(p, true) } : { start: 0, length: 0 };
  }

  /** @param {number} slot @returns {FlatTable[]} */
  tables(slot) {
    const { start, length } = this.vector(slot);
    return Array.from({ length }, (_, i) => {
      const at = start + 4 * i;
      return new FlatTable(this.view, at + this.view.getUint32(at, true));
    });
  }

  /** @param {number} slot @returns {number[]} */
  int32s(slot) {
    const { start, length } = this.vector(slot);
    return Array.from({ length }, (_, i) => this.view.getInt32(start + 4 * i, true));
  }

  /** @param {number} slot @returns {number[]} */
  float32s(slot) {
    const { start, length } = this.vector(slot);
    return Array.from({ length }, (_, i) => this.view.getFloat32(start + 4 * i, true));
  }

  /** @param {number} slot @returns {Uint8Array} */
  bytes(slot) {
    const { start, length } = this.vector(slot);
    return new Uint8Array(this.view.buffer, this.view.byteOffset + start, length);
  }
}

/**
 * Root table of a flatbuffer after checking its 4-byte file identifier.
 * @param {Uint8Array} bytes
 * @param {string} identifier e.g. `TFL3` or `M001`
 */
export function rootTable(bytes, identifier) {
  const found = new TextDecoder().decode(bytes.subarray(4, 8));
  if (found !== identifier) {
    throw new PoseAssetsError(
      "FLATBUFFER_IDENTIFIER",
      `expected file identifier ${identifier}, found ${found}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new FlatTable(view, view.getUint32(0, true));
}

// Field slots from tensorflow/lite/schema/schema.fbs.
export const MODEL = {
  version: 0,
  operatorCodes: 1,
  subgraphs: 2,
  description: 3,
  buffers: 4,
  metadataBuffer: 5,
  metadata: 6,
  signatureDefs: 7,
};
const SUBGRAPH = { tensors: 0, inputs: 1, outputs: 2 };
const TENSOR = { shape: 0, name: 3 };
const BUFFER = { data: 0, offset: 1, size: 2 };
const METADATA = { name: 0, buffer: 1 };

/**
 * @typedef {{ name: string, shape: number[] }} TensorInfo
 * @typedef {{ name: string, bufferIndex: number }} MetadataEntry
 * @typedef {{ inputs: TensorInfo[], outputs: TensorInfo[], bufferCount: number,
 *   metadata: MetadataEntry[], bufferData: (index: number) => Uint8Array,
 *   hasExternalBuffers: boolean }} ModelSummary
 */

/**
 * Reads what the pose tooling needs from a `.tflite` model: the main
 * subgraph's input/output tensors, the buffers and the metadata entries.
 * @param {Uint8Array} bytes
 * @returns {ModelSummary}
 */
export function readModel(bytes) {
  const model = rootTable(bytes, "TFL3");
  const [main] = model.tables(MODEL.subgraphs);
  if (!main) throw new PoseAssetsError("TFLITE_INVALID", "model has no subgraph");
  const tensors = main.tables(SUBGRAPH.tensors);
  /** @param {number} index @returns {TensorInfo} */
  const describe = (index) => ({
    name: tensors[index].string(TENSOR.name) ?? "",
    shape: tensors[index].int32s(TENSOR.shape),
  });
  const buffers = model.tables(MODEL.buffers);
  return {
    inputs: main.int32s(SUBGRAPH.inputs).map(describe),
    outputs: main.int32s(SUBGRAPH.outputs).map(describe),
    bufferCount: buffers.length,
    hasExternalBuffers: buffers.some((b) => b.uint64(BUFFER.offset) > 1n),
    metadata: model.tables(MODEL.metadata).map((m) => ({
      name: m.string(METADATA.name) ?? "",
      bufferIndex: m.uint32(METADATA.buffer),
    })),
    bufferData: (index) => buffers[index].bytes(BUFFER.data),
  };
}

/**
 * @typedef {{ name: string, colorSpace: number, mean: number[], std: number[] }} InputMetadata
 * @typedef {{ name: string, inputs: InputMetadata[], outputNames: string[], minParserVersion: string }} MetadataSummary
 */

/**
 * Reads a `ModelMetadata` (tflite-support `metadata_schema.fbs`, identifier
 * `M001`): input image/normalisation settings and output names.
 * @param {Uint8Array} bytes
 * @returns {MetadataSummary}
 */
export function readModelMetadata(bytes) {
  const root = rootTable(bytes, "M001");
  const [subgraph] = root.tables(3);
  if (!subgraph) throw new PoseAssetsError("METADATA_INVALID", "metadata has no subgraph entry");
  const inputs = subgraph.tables(2).map((tensor) => {
    const content = tensor.table(3);
    // ContentProperties union: value slot 1, ImageProperties = type 2.
    const image = content && content.uint8(0) === 2 ? content.table(1) : undefined;
    // ProcessUnitOptions union: NormalizationOptions = type 1.
    const norm = tensor
      .tables(4)
      .find((unit) => unit.uint8(0) === 1)
      ?.table(1);
    return {
      name: tensor.string(0) ?? "",
      colorSpace: image ? image.uint8(0) : 0,
      mean: norm ? norm.float32s(0) : [],
      std: norm ? norm.float32s(1) : [],
    };
  });
  return {
    name: root.string(0) ?? "",
    inputs,
    outputNames: subgraph.tables(3).map((tensor) => tensor.string(0) ?? ""),
    minParserVersion: root.string(7) ?? "",
  };
}
