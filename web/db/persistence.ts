/** What the browser said about keeping Spotter's data when space runs low. */
export type PersistenceState = "persisted" | "best-effort" | "unsupported";

/**
 * Asks the browser not to evict Spotter's data under storage pressure. Browsers may say no (or
 * decide silently from engagement); the answer is shown in Profile so the person knows.
 */
export async function requestPersistentStorage(): Promise<PersistenceState> {
  const storage = typeof navigator === "undefined" ? undefined : navigator.storage;
  if (!storage?.persist) return "unsupported";
  if (await storage.persisted()) return "persisted";
  return (await storage.persist()) ? "persisted" : "best-effort";
}
