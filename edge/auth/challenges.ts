import * as v from "valibot";
import type { Db } from "../data/db";
import { ApiError } from "../http/errors";
import { randomToken } from "./tokens";

const CHALLENGE_TTL_MS = 5 * 60 * 1000;

const PendingChallengeSchema = v.variant("kind", [
  v.object({ kind: v.literal("register"), challenge: v.string(), username: v.string(), userId: v.string() }),
  v.object({ kind: v.literal("login"), challenge: v.string() }),
]);
export type PendingChallenge = v.InferOutput<typeof PendingChallengeSchema>;

/** Keeps a WebAuthn challenge for 5 minutes in D1 and returns the id the client sends back. */
export async function storeChallenge(db: Db, pending: PendingChallenge, nowMs = Date.now()): Promise<string> {
  const challengeId = randomToken(18);
  await db
    .prepare("INSERT INTO challenges (id, kind, payload, expires_at) VALUES (?, ?, ?, ?)")
    .bind(challengeId, pending.kind, JSON.stringify(pending), nowMs + CHALLENGE_TTL_MS)
    .run();
  return challengeId;
}

/**
 * Takes a pending challenge (one use) with ONE statement, so of two parallel verifications exactly
 * one gets it; run it alone ({@link takeChallenge}) or in a read batch, then {@link takenChallenge}.
 */
export const takeChallengeStatement = (
  db: Db,
  challengeId: string,
  kind: PendingChallenge["kind"],
  nowMs = Date.now(),
) =>
  db
    .prepare("DELETE FROM challenges WHERE id = ? AND kind = ? AND expires_at > ? RETURNING payload")
    .bind(challengeId, kind, nowMs);

/** The challenge {@link takeChallengeStatement} took; 400 when it was unknown, expired or already used. */
export function takenChallenge<K extends PendingChallenge["kind"]>(
  row: { payload: string } | null | undefined,
  kind: K,
): Extract<PendingChallenge, { kind: K }> {
  const parsed = row ? v.safeParse(PendingChallengeSchema, JSON.parse(row.payload)) : undefined;
  if (!parsed?.success || parsed.output.kind !== kind) {
    throw new ApiError(400, "bad_request", "This sign-in attempt expired; start again.");
  }
  return parsed.output as Extract<PendingChallenge, { kind: K }>;
}

/** Takes a pending challenge of `kind` in its own round trip (see {@link takeChallengeStatement}). */
export async function takeChallenge<K extends PendingChallenge["kind"]>(
  db: Db,
  challengeId: string,
  kind: K,
  nowMs = Date.now(),
): Promise<Extract<PendingChallenge, { kind: K }>> {
  const row = await takeChallengeStatement(db, challengeId, kind, nowMs).first<{ payload: string }>();
  return takenChallenge(row, kind);
}
