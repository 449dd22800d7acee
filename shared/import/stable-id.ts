/** Four 32-bit lanes of a non-cryptographic 128-bit hash (cyrb128): enough to tell workouts apart. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const hex = (n: number, digits: number) => n.toString(16).padStart(8, "0").slice(-digits);

/**
 * A UUIDv7 made from `key` rather than chance: the time part is `atMs`, the rest a hash of `key`.
 * The same workout imported twice (on this device or another) gets the same id, which is how a
 * second import knows it is already there.
 */
export function stableUuidV7(key: string, atMs: number): string {
  const [a, b, c, d] = hash128(key);
  const time = Math.max(0, Math.floor(atMs)).toString(16).padStart(12, "0").slice(-12);
  const variant = (8 + (b >>> 30)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(a, 3)}-${variant}${hex(b, 3)}-${hex(c, 4)}${hex(d, 8)}`;
}
