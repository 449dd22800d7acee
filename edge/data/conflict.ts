import { ApiError } from "../http/errors";

/**
 * Runs a write whose UNIQUE or PRIMARY KEY clash means another request won a race (the same passkey
 * registered twice at once, say): the client gets a 409 envelope, not a 500. The batch it ran in
 * was rolled back as a whole.
 */
export async function conflictOnDuplicate<T>(
  write: Promise<T>,
  message = "That already exists.",
): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (/UNIQUE constraint failed|PRIMARY KEY constraint failed/i.test(String(err))) {
      throw new ApiError(409, "conflict", message);
    }
    throw err;
  }
}
