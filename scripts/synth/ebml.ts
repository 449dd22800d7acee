/** A tiny EBML reader: variable-length integers and element headers over a byte array. */

/** Size value meaning "unknown length" (live-recorded WebM leaves Segment and Cluster open). */
export const UNKNOWN_SIZE = -1;

export interface ElementHeader {
  id: number;
  /** Payload size in bytes, or {@link UNKNOWN_SIZE}. */
  size: number;
  /** Offset of the payload. */
  dataStart: number;
}

function vintLength(first: number): number {
  for (let length = 1; length <= 8; length++) {
    if (first & (0x80 >> (length - 1))) return length;
  }
  return 0;
}

/** Reads an element ID (marker bits kept, as the Matroska spec writes IDs). */
export function readId(bytes: Uint8Array, at: number): { value: number; length: number } | null {
  const length = vintLength(bytes[at] ?? 0);
  if (length === 0 || length > 4 || at + length > bytes.length) return null;
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + bytes[at + i]!;
  return { value, length };
}

/** Reads a size or track-number vint (marker bit removed); all-ones means unknown. */
export function readVint(bytes: Uint8Array, at: number): { value: number; length: number } | null {
  const first = bytes[at] ?? 0;
  const length = vintLength(first);
  if (length === 0 || at + length > bytes.length) return null;
  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i]!;
    allOnes &&= byte === 0xff;
    value = value * 256 + byte;
  }
  return { value: allOnes ? UNKNOWN_SIZE : value, length };
}

export function readHeader(bytes: Uint8Array, at: number): ElementHeader | null {
  const id = readId(bytes, at);
  if (!id) return null;
  const size = readVint(bytes, at + id.length);
  if (!size) return null;
  return { id: id.value, size: size.value, dataStart: at + id.length + size.length };
}

export function readUint(bytes: Uint8Array, start: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + bytes[start + i]!;
  return value;
}

export function readFloat(bytes: Uint8Array, start: number, size: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, size);
  if (size === 4) return view.getFloat32(0);
  if (size === 8) return view.getFloat64(0);
  return 0;
}

export function readString(bytes: Uint8Array, start: number, size: number): string {
  return new TextDecoder().decode(bytes.subarray(start, start + size)).replace(/\0+$/, "");
}
