/**
 * Deletes expired sign-in challenges and sessions. Run by the cron: lookups already ignore expired
 * rows, this keeps them from piling up (and an expired session's device from lingering in lists).
 */
export async function purgeExpired(
  db: D1Database,
  nowMs: number,
): Promise<{ challenges: number; sessions: number }> {
  const [challenges, sessions] = await db.batch([
    db.prepare("DELETE FROM challenges WHERE expires_at <= ?").bind(nowMs),
    db.prepare("DELETE FROM sessions WHERE expires_at <= ?").bind(nowMs),
  ]);
  return { challenges: challenges?.meta.changes ?? 0, sessions: sessions?.meta.changes ?? 0 };
}
