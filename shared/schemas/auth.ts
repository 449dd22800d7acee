import * as v from "valibot";
import { UsernameSchema } from "./user";

/** Recovery codes: 4 groups of 5 characters from an alphabet without look-alikes, dash-separated. */
export const RECOVERY_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/;

export const DeviceNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80));

/** `POST /api/auth/register/options` body. */
export const RegisterOptionsRequestSchema = v.strictObject({
  username: UsernameSchema,
});

/**
 * A WebAuthn credential response as `@simplewebauthn/browser` returns it (JSON). Checked for shape
 * here; the cryptography is verified on the server.
 */
export const CredentialResponseSchema = v.object({
  id: v.pipe(v.string(), v.maxLength(1024)),
  rawId: v.pipe(v.string(), v.maxLength(1024)),
  type: v.literal("public-key"),
  response: v.record(v.string(), v.unknown()),
  clientExtensionResults: v.optional(v.record(v.string(), v.unknown()), {}),
  authenticatorAttachment: v.optional(v.string()),
});

/** The id the options call returned, naming the pending challenge. */
export const ChallengeIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,64}$/));

/** `POST /api/auth/register/verify` and `/login/verify` body. */
export const VerifyRequestSchema = v.strictObject({
  challengeId: ChallengeIdSchema,
  response: CredentialResponseSchema,
});

/** `POST /api/auth/login/options` body: the username narrows the allowed credentials; omit for discoverable ones. */
export const LoginOptionsRequestSchema = v.strictObject({
  username: v.optional(UsernameSchema),
});

/** `POST /api/auth/recover` body. */
export const RecoverRequestSchema = v.strictObject({
  username: UsernameSchema,
  code: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(RECOVERY_CODE_PATTERN, "Not a recovery code.")),
});
