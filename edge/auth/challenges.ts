import * as v from "valibot";
import { ApiError } from "../http/errors";
import { randomToken } from "./tokens";

const CHALLENGE_TTL_S = 300;

const PendingChallengeSchema = v.variant("kind", [
  v.object({ kind: v.literal("register"), challenge: v.string(), username: v.string(), userId: v.string() }),
  v.object({ kind: v.literal("login"), challenge: v.string() }),
]);
export type PendingChallenge = v.InferOutput<typeof PendingChallengeSchema>;

const keyFor = (challengeId: string) => `webauthn:challenge:${challengeId}`;

/** Keeps a WebAuthn challenge for 5 minutes in KV and returns the id the client sends back. */
export async function storeChallenge(kv: KVNamespace, pending: PendingChallenge): Promise<string> {
  const challengeId = randomToken(18);
  await kv.put(keyFor(challengeId), JSON.stringify(pending), { expirationTtl: CHALLENGE_TTL_S });
  return challengeId;
}

/** Takes a pending challenge of `kind` out of KV (one use); 400 when it is unknown or expired. */
export async function takeChallenge<K extends PendingChallenge["kind"]>(
  kv: KVNamespace,
  challengeId: string,
  kind: K,
): Promise<Extract<PendingChallenge, { kind: K }>> {
  const stored = await kv.get(keyFor(challengeId), "json");
  const parsed = v.safeParse(PendingChallengeSchema, stored);
  if (!parsed.success || parsed.output.kind !== kind) {
    throw new ApiError(400, "bad_request", "This sign-in attempt expired; start again.");
  }
  await kv.delete(keyFor(challengeId));
  return parsed.output as Extract<PendingChallenge, { kind: K }>;
}
