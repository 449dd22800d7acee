/** KV key of a user's profile snapshot at one version: a new version is a new key, so no invalidation. */
export const profileCacheKey = (userId: string, version: number) => `profile:${userId}:v${version}`;

/** Snapshots live a week; a changed profile moves to a new key long before. */
export const PROFILE_CACHE_TTL_S = 7 * 24 * 3600;
