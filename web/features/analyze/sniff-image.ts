export type ImageKind = "png" | "jpeg" | "webp";

/** Tells a PNG, JPEG or WebP image from its first bytes, or null for anything else. */
export function sniffImage(head: Uint8Array): ImageKind | null {
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return "png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  const text = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (text(0, 4) === "RIFF" && text(8, 12) === "WEBP") return "webp";
  return null;
}
