export type ContainerKind = "mp4" | "webm" | "unknown";

/** Tells the container from the first bytes: EBML magic for WebM, an `ftyp` box for MP4/MOV. */
export function sniffContainer(head: Uint8Array): ContainerKind {
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return "webm";
  const box = String.fromCharCode(...head.subarray(4, 8));
  if (["ftyp", "moov", "mdat", "wide", "free"].includes(box)) return "mp4";
  return "unknown";
}
