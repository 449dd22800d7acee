/** KV key of a user's profile snapshot at one version: a new version is a new key, so no invalidation. */
export const profileCacheKey = (userId: string, version: number) => `profile:${userId}:v${version}`;

/** Deletes every profile snapshot of a user (a deleted account leaves nothing behind in KV). */
export async function deleteProfileSnapshots(kv: KVNamespace, userId: string): Promise<void> {
  const { keys } = await kv.list({ prefix: `profile:${userId}:` });
  await Promise.all(keys.map((key) => kv.delete(key.name)));
}

/** Snapshots live a week; a changed profile moves to a new key long before. */
export const PROFILE_CACHE_TTL_S = 7 * 24 * 3600;
