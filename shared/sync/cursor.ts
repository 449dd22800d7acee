/** A pull cursor could not be read: the client sent something the server never issued. */
export class CursorError extends Error {
  readonly code = "invalid_cursor";
  constructor(message: string) {
    super(message);
    this.name = "CursorError";
  }
}

const PREFIX = "v1.";

/**
 * Encodes the last server version a client has seen as an opaque cursor. Clients store and send
 * it back untouched; the format may change with the prefix.
 */
export function encodeCursor(version: number): string {
  if (!Number.isSafeInteger(version) || version < 0) throw new CursorError(`Bad cursor version ${version}.`);
  return PREFIX + version.toString(36);
}

/** Reads a cursor made by {@link encodeCursor}; absent means "from the beginning" (version 0). */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === "") return 0;
  const body = cursor.startsWith(PREFIX) ? cursor.slice(PREFIX.length) : null;
  if (body === null || !/^[0-9a-z]{1,11}$/.test(body)) throw new CursorError("Unreadable cursor.");
  const version = parseInt(body, 36);
  if (!Number.isSafeInteger(version)) throw new CursorError("Unreadable cursor.");
  return version;
}
