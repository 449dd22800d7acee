/** Left-hand odd-parity (L) codes of the digits 0–9; R is their complement, G the reverse of R. */
const L_CODES = [
  "0001101",
  "0011001",
  "0010011",
  "0111101",
  "0100011",
  "0110001",
  "0101111",
  "0111011",
  "0110111",
  "0001011",
] as const;
/** Which of the six left digits use G codes, chosen by the first (unprinted-bar) digit. */
const PARITY = [
  "LLLLLL",
  "LLGLGG",
  "LLGGLG",
  "LLGGGL",
  "LGLLGG",
  "LGGLLG",
  "LGGGLL",
  "LGLGLG",
  "LGLGGL",
  "LGGLGL",
];

const digitsOf = (code: string): number[] => [...code].map(Number);
const rCode = (d: number) => [...L_CODES[d]!].map((bit) => (bit === "1" ? "0" : "1")).join("");

/** The EAN-13 check digit of the first 12 digits (weights 1, 3, 1, 3, … from the left). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`Expected 12 digits, got "${first12}".`);
  const sum = digitsOf(first12).reduce((total, d, i) => total + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/**
 * The 95 modules of an EAN-13 symbol (`true` = bar), guards included, quiet zones not.
 * Throws on a code whose check digit is wrong, so a test cannot render an unreadable symbol.
 */
export function ean13Modules(code: string): boolean[] {
  if (!/^\d{13}$/.test(code)) throw new Error(`An EAN-13 code is 13 digits, got "${code}".`);
  const d = digitsOf(code);
  if (ean13CheckDigit(code.slice(0, 12)) !== d[12]) throw new Error(`${code} has a wrong check digit.`);
  const parity = PARITY[d[0]!]!;
  let bits = "101";
  for (let i = 1; i <= 6; i++) {
    const digit = d[i]!;
    bits += parity[i - 1] === "L" ? L_CODES[digit] : [...rCode(digit)].reverse().join("");
  }
  bits += "01010";
  for (let i = 7; i <= 12; i++) bits += rCode(d[i]!);
  bits += "101";
  return [...bits].map((bit) => bit === "1");
}

/**
 * A YUV4MPEG2 clip (Chromium's `--use-file-for-fake-video-capture` reads it as a camera) showing
 * `code` as black bars on white, `moduleWidthPx` wide per module, centred, with quiet zones.
 */
export function ean13Y4m(
  code: string,
  { width = 640, height = 480, moduleWidthPx = 4, frames = 2 } = {},
): Uint8Array {
  const modules = ean13Modules(code);
  const symbolPx = modules.length * moduleWidthPx;
  if (symbolPx + 22 * moduleWidthPx > width) throw new Error("The symbol and its quiet zones do not fit.");
  const left = Math.floor((width - symbolPx) / 2);
  const top = Math.floor(height * 0.2);
  const bottom = Math.ceil(height * 0.8);
  const row = new Uint8Array(width).fill(235);
  modules.forEach((bar, m) => {
    if (bar) row.fill(16, left + m * moduleWidthPx, left + (m + 1) * moduleWidthPx);
  });
  const luma = new Uint8Array(width * height).fill(235);
  for (let y = top; y < bottom; y++) luma.set(row, y * width);
  const chroma = new Uint8Array((width / 2) * (height / 2) * 2).fill(128);
  const header = new TextEncoder().encode(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  const frameTag = new TextEncoder().encode("FRAME\n");
  const frameBytes = frameTag.length + luma.length + chroma.length;
  const out = new Uint8Array(header.length + frames * frameBytes);
  out.set(header, 0);
  for (let f = 0; f < frames; f++) {
    const at = header.length + f * frameBytes;
    out.set(frameTag, at);
    out.set(luma, at + frameTag.length);
    out.set(chroma, at + frameTag.length + luma.length);
  }
  return out;
}
