/** Random bytes as base64url (no padding). */
export function randomToken(byteLength = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** SHA-256 of a string as lower-case hex: how session tokens and recovery codes are stored. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  // Every request with a session hashes its token: a table, not 32 number-to-string conversions.
  let hex = "";
  for (const byte of digest) hex += HEX_BYTES[byte];
  return hex;
}

const encoder = new TextEncoder();
const HEX_BYTES = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

// Crockford-style alphabet: no I, L, O or U, so codes read back without confusion.
const RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A one-time recovery code: 20 random characters (100 bits) in 4 dash-separated groups. */
export function newRecoveryCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % 32]).join("");
  return chars.match(/.{5}/g)?.join("-") ?? chars;
}

/** Compares two equal-length hex digests without an early exit. */
export function digestsEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
