import { PoseAssetsError } from "./errors.mjs";

// Byte layouts from the PKWARE APPNOTE (local header, central header, end record).
const LOCAL_HEADER_SIG = 0x04034b50;
const CENTRAL_HEADER_SIG = 0x02014b50;
const END_RECORD_SIG = 0x06054b50;
const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const END_RECORD_BYTES = 22;
const METHOD_STORED = 0;
// Extra-field id that zipalign uses for padding; readers skip unknown ids.
const PADDING_EXTRA_ID = 0xd935;
// TFLite buffers ask for 16-byte alignment, so entry data starts on 16.
const DATA_ALIGN_BYTES = 16;
// 1980-01-01 00:00 in DOS format: fixed so identical inputs give identical bytes.
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 (IEEE) as used by zip.
 * @param {Uint8Array} bytes
 * @returns {number} unsigned 32-bit checksum
 */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * @typedef {{ name: string, data: Uint8Array }} ZipInput
 * @typedef {{ name: string, method: number, crc32: number, compressedBytes: number,
 *   uncompressedBytes: number, dataOffset: number }} ZipEntry
 */

/**
 * Length of the padding extra field that puts entry data on a 16-byte boundary.
 * @param {number} headerStart offset of the local header
 * @param {number} nameBytes
 */
function paddingFor(headerStart, nameBytes) {
  const dataStart = headerStart + LOCAL_HEADER_BYTES + nameBytes;
  let pad = (DATA_ALIGN_BYTES - (dataStart % DATA_ALIGN_BYTES)) % DATA_ALIGN_BYTES;
  // An extra field needs at least its 4-byte id+size header.
  if (pad > 0 && pad < 4) pad += DATA_ALIGN_BYTES;
  return pad;
}

/**
 * Builds an uncompressed (STORED) zip, the layout MediaPipe expects for
 * `.task` bundles. Entry data is 16-byte aligned within the archive.
 * @param {ZipInput[]} inputs
 * @returns {Uint8Array}
 */
export function createStoredZip(inputs) {
  const encoder = new TextEncoder();
  const prepared = inputs.map((input) => ({
    ...input,
    nameBytes: encoder.encode(input.name),
    crc: crc32(input.data),
  }));
  /** @type {{ headerStart: number, pad: number }[]} */
  const placed = [];
  let cursor = 0;
  for (const entry of prepared) {
    const pad = paddingFor(cursor, entry.nameBytes.length);
    placed.push({ headerStart: cursor, pad });
    cursor += LOCAL_HEADER_BYTES + entry.nameBytes.length + pad + entry.data.length;
  }
  const centralStart = cursor;
  const centralBytes = prepared.reduce((sum, e) => sum + CENTRAL_HEADER_BYTES + e.nameBytes.length, 0);
  const out = new Uint8Array(centralStart + centralBytes + END_RECORD_BYTES);
  const view = new DataView(out.buffer);

  prepared.forEach((entry, i) => {
    const { headerStart, pad } = placed[i];
    let p = headerStart;
    view.setUint32(p, LOCAL_HEADER_SIG, true);
    view.setUint16(p + 4, 10, true); // version needed: 1.0
    view.setUint16(p + 6, 0, true); // flags
    view.setUint16(p + 8, METHOD_STORED, true);
    view.setUint16(p + 10, DOS_TIME, true);
    view.setUint16(p + 12, DOS_DATE, true);
    view.setUint32(p + 14, entry.crc, true);
    view.setUint32(p + 18, entry.data.length, true);
    view.setUint32(p + 22, entry.data.length, true);
    view.setUint16(p + 26, entry.nameBytes.length, true);
    view.setUint16(p + 28, pad, true);
    p += LOCAL_HEADER_BYTES;
    out.set(entry.nameBytes, p);
    p += entry.nameBytes.length;
    if (pad > 0) {
      view.setUint16(p, PADDING_EXTRA_ID, true);
      view.setUint16(p + 2, pad - 4, true);
    }
    out.set(entry.data, p + pad);
  });

  let p = centralStart;
  prepared.forEach((entry, i) => {
    view.setUint32(p, CENTRAL_HEADER_SIG, true);
    view.setUint16(p + 4, 20, true); // made by: MS-DOS, spec 2.0
    view.setUint16(p + 6, 10, true);
    view.setUint16(p + 8, 0, true);
    view.setUint16(p + 10, METHOD_STORED, true);
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    view.setUint32(p + 16, entry.crc, true);
    view.setUint32(p + 20, entry.data.length, true);
    view.setUint32(p + 24, entry.data.length, true);
    view.setUint16(p + 28, entry.nameBytes.length, true);
    // extra, comment, disk, internal attrs, external attrs stay 0
    view.setUint32(p + 42, placed[i].headerStart, true);
    out.set(entry.nameBytes, p + CENTRAL_HEADER_BYTES);
    p += CENTRAL_HEADER_BYTES + entry.nameBytes.length;
  });

  view.setUint32(p, END_RECORD_SIG, true);
  view.setUint16(p + 8, prepared.length, true);
  view.setUint16(p + 10, prepared.length, true);
  view.setUint32(p + 12, centralBytes, true);
  view.setUint32(p + 16, centralStart, true);
  return out;
}

/**
 * Reads a zip's central directory (no zip64, no archive comment search
 * beyond 64 KiB) and locates each entry's data.
 * @param {Uint8Array} zip
 * @returns {ZipEntry[]}
 */
export function readZipDirectory(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const decoder = new TextDecoder();
  let end = -1;
  const earliest = Math.max(0, zip.length - END_RECORD_BYTES - 0xffff);
  for (let p = zip.length - END_RECORD_BYTES; p >= earliest; p--) {
    if (view.getUint32(p, true) === END_RECORD_SIG) {
      end = p;
      break;
    }
  }
  if (end < 0) throw new PoseAssetsError("ZIP_INVALID", "zip end-of-central-directory record not found");
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  /** @type {ZipEntry[]} */
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== CENTRAL_HEADER_SIG) {
      throw new PoseAssetsError("ZIP_INVALID", `zip central header ${i} has a bad signature`);
    }
    const nameBytes = view.getUint16(p + 28, true);
    const extraBytes = view.getUint16(p + 30, true);
    const commentBytes = view.getUint16(p + 32, true);
    const headerStart = view.getUint32(p + 42, true);
    if (view.getUint32(headerStart, true) !== LOCAL_HEADER_SIG) {
      throw new PoseAssetsError("ZIP_INVALID", `zip local header ${i} has a bad signature`);
    }
    const localName = view.getUint16(headerStart + 26, true);
    const localExtra = view.getUint16(headerStart + 28, true);
    entries.push({
      name: decoder.decode(zip.subarray(p + CENTRAL_HEADER_BYTES, p + CENTRAL_HEADER_BYTES + nameBytes)),
      method: view.getUint16(p + 10, true),
      crc32: view.getUint32(p + 16, true),
      compressedBytes: view.getUint32(p + 20, true),
      uncompressedBytes: view.getUint32(p + 24, true),
      dataOffset: headerStart + LOCAL_HEADER_BYTES + localName + localExtra,
    });
    p += CENTRAL_HEADER_BYTES + nameBytes + extraBytes + commentBytes;
  }
  return entries;
}
