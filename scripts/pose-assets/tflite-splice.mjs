import { PoseAssetsError } from "./errors.mjs";
import { MODEL, readModel, rootTable } from "./tflite-read.mjs";
import { METADATA_NAME } from "./tflite-metadata.mjs";

const MODEL_SLOTS = 8;
// Offsets inside the old model stay valid only if it moves by a multiple of
// the largest alignment it relies on (Buffer.data is force_align 16).
const BLOCK_ALIGN = 16;

/** @param {number} n @param {number} to */
const alignUp = (n, to) => Math.ceil(n / to) * to;

/**
 * Positions of every piece written in front of the old model.
 * @param {{ bufferCount: number, metadataCount: number, metadataBytes: number }} counts
 */
function planPrefix({ bufferCount, metadataCount, metadataBytes }) {
  const nameBytes = new TextEncoder().encode(METADATA_NAME).length;
  let at = 8; // root offset + file identifier
  /** @param {number} bytes @param {number} align */
  const take = (bytes, align = 4) => {
    at = alignUp(at, align);
    const pos = at;
    at += bytes;
    return pos;
  };
  const plan = {
    modelVtable: take(4 + 2 * MODEL_SLOTS),
    modelTable: take(4 + 4 * MODEL_SLOTS),
    buffersVector: take(4 + 4 * (bufferCount + 1)),
    metadataVector: take(4 + 4 * (metadataCount + 1)),
    entryVtable: take(4 + 2 * 2),
    entryTable: take(4 + 4 + 4),
    entryName: take(4 + nameBytes + 1),
    bufferVtable: take(4 + 2),
    bufferTable: take(4 + 4),
    // Vector length sits 4 bytes before the data, which starts on 16.
    dataVector: take(4 + metadataBytes, 1),
    prefixBytes: 0,
  };
  plan.dataVector = alignUp(plan.dataVector + 4, BLOCK_ALIGN) - 4;
  plan.prefixBytes = alignUp(plan.dataVector + 4 + metadataBytes, BLOCK_ALIGN);
  return plan;
}

/**
 * Absolute positions (in the old bytes) of each element table in a vector field.
 * @param {import('./tflite-read.mjs').FlatTable} table
 * @param {number} slot
 */
function elementPositions(table, slot) {
  return table.tables(slot).map((t) => t.pos);
}

/**
 * Returns a copy of a `.tflite` model with a `TFLITE_METADATA` entry added.
 * The old model bytes are kept unchanged as one block after a new root
 * table; flatbuffer offsets are relative and point forward, so every
 * untouched field still resolves after the block is shifted.
 * @param {Uint8Array} modelBytes original model
 * @param {Uint8Array} metadataBytes `M001` flatbuffer from buildPoseMetadata
 * @returns {Uint8Array}
 */
export function attachMetadata(modelBytes, metadataBytes) {
  const summary = readModel(modelBytes);
  if (summary.metadata.some((m) => m.name === METADATA_NAME)) {
    throw new PoseAssetsError("METADATA_PRESENT", `model already has ${METADATA_NAME}`);
  }
  if (summary.hasExternalBuffers) {
    // Those buffers use file-absolute offsets, which shifting would break.
    throw new PoseAssetsError(
      "EXTERNAL_BUFFERS",
      "model stores buffers outside the flatbuffer; not supported",
    );
  }
  const old = rootTable(modelBytes, "TFL3");
  if (old.slotCount > MODEL_SLOTS) {
    throw new PoseAssetsError(
      "TFLITE_UNKNOWN_FIELDS",
      `model root has ${old.slotCount} fields; this tool knows ${MODEL_SLOTS}`,
    );
  }
  const oldBuffers = elementPositions(old, MODEL.buffers);
  const oldEntries = elementPositions(old, MODEL.metadata);
  const plan = planPrefix({
    bufferCount: oldBuffers.length,
    metadataCount: oldEntries.length,
    metadataBytes: metadataBytes.length,
  });
  const shift = plan.prefixBytes;
  const out = new Uint8Array(shift + modelBytes.length);
  const view = new DataView(out.buffer);
  /** Writes a forward offset at `from` pointing to `to` (both new-file positions). */
  const pointTo = (/** @type {number} */ from, /** @type {number} */ to) =>
    view.setUint32(from, to - from, true);

  view.setUint32(0, plan.modelTable, true);
  out.set(new TextEncoder().encode("TFL3"), 4);

  view.setUint16(plan.modelVtable, 4 + 2 * MODEL_SLOTS, true);
  view.setUint16(plan.modelVtable + 2, 4 + 4 * MODEL_SLOTS, true);
  view.setInt32(plan.modelTable, plan.modelTable - plan.modelVtable, true);
  for (let slot = 0; slot < MODEL_SLOTS; slot++) {
    const field = plan.modelTable + 4 + 4 * slot;
    const oldField = old.fieldPos(slot);
    if (slot === MODEL.buffers) pointTo(field, plan.buffersVector);
    else if (slot === MODEL.metadata) pointTo(field, plan.metadataVector);
    else if (!oldField) continue;
    else if (slot === MODEL.version) view.setUint32(field, old.uint32(slot), true);
    else pointTo(field, old.indirect(slot) + shift);
    view.setUint16(plan.modelVtable + 4 + 2 * slot, 4 + 4 * slot, true);
  }

  /** @param {number} vectorPos @param {number[]} targets new-file positions */
  const writeOffsets = (vectorPos, targets) => {
    view.setUint32(vectorPos, targets.length, true);
    targets.forEach((target, i) => pointTo(vectorPos + 4 + 4 * i, target));
  };
  writeOffsets(plan.buffersVector, [...oldBuffers.map((p) => p + shift), plan.bufferTable]);
  writeOffsets(plan.metadataVector, [...oldEntries.map((p) => p + shift), plan.entryTable]);

  // Metadata { name, buffer } pointing at the appended buffer.
  view.setUint16(plan.entryVtable, 8, true);
  view.setUint16(plan.entryVtable + 2, 12, true);
  view.setUint16(plan.entryVtable + 4, 4, true);
  view.setUint16(plan.entryVtable + 6, 8, true);
  view.setInt32(plan.entryTable, plan.entryTable - plan.entryVtable, true);
  pointTo(plan.entryTable + 4, plan.entryName);
  view.setUint32(plan.entryTable + 8, oldBuffers.length, true);
  const name = new TextEncoder().encode(METADATA_NAME);
  view.setUint32(plan.entryName, name.length, true);
  out.set(name, plan.entryName + 4); // the zero terminator is already there

  // Buffer { data } holding the metadata flatbuffer.
  view.setUint16(plan.bufferVtable, 6, true);
  view.setUint16(plan.bufferVtable + 2, 8, true);
  view.setUint16(plan.bufferVtable + 4, 4, true);
  view.setInt32(plan.bufferTable, plan.bufferTable - plan.bufferVtable, true);
  pointTo(plan.bufferTable + 4, plan.dataVector);
  view.setUint32(plan.dataVector, metadataBytes.length, true);
  out.set(metadataBytes, plan.dataVector + 4);

  out.set(modelBytes, shift);
  return out;
}
