import * as v from "valibot";
import { UsernameSchema } from "./user";

/** Recovery codes: 4 groups of 5 characters from an alphabet without look-alikes, dash-separated. */
export const RECOVERY_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/;

export const DeviceNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80));

/** `POST /api/auth/register/options` body. */
export const RegisterOptionsRequestSchema = v.strictObject({
  username: UsernameSchema,
});

const b64url = (maxLength: number) => v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]*$/), v.maxLength(maxLength));

/** The id the options call returned, naming the pending challenge. */
export const ChallengeIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,64}$/));

const credentialEntries = {
  id: b64url(1024),
  rawId: b64url(1024),
  type: v.literal("public-key"),
  clientExtensionResults: v.optional(v.record(v.string(), v.unknown()), {}),
  authenticatorAttachment: v.optional(v.picklist(["platform", "cross-platform"])),
};

/**
 * A new passkey as `@simplewebauthn/browser`'s `startRegistration` returns it. Checked for shape
 * here; the attestation is verified on the server.
 */
export const RegistrationCredentialSchema = v.object({
  ...credentialEntries,
  response: v.object({
    clientDataJSON: b64url(8192),
    attestationObject: b64url(65536),
    transports: v.optional(v.array(v.pipe(v.string(), v.maxLength(32)))),
  }),
});

/** A passkey assertion as `startAuthentication` returns it; the signature is verified on the server. */
export const AuthenticationCredentialSchema = v.object({
  ...credentialEntries,
  response: v.object({
    clientDataJSON: b64url(8192),
    authenticatorData: b64url(8192),
    signature: b64url(2048),
    userHandle: v.optional(b64url(256)),
  }),
});

/** `POST /api/auth/register/verify` body. */
export const RegisterVerifyRequestSchema = v.strictObject({
  challengeId: ChallengeIdSchema,
  response: RegistrationCredentialSchema,
  deviceName: v.optional(DeviceNameSchema),
});

/** `POST /api/auth/login/verify` body. */
export const LoginVerifyRequestSchema = v.strictObject({
  challengeId: ChallengeIdSchema,
  response: AuthenticationCredentialSchema,
  deviceName: v.optional(DeviceNameSchema),
});

/** `POST /api/auth/login/options` body: the username narrows the allowed credentials; omit for discoverable ones. */
export const LoginOptionsRequestSchema = v.strictObject({
  username: v.optional(UsernameSchema),
});

/** `POST /api/auth/recover` body. */
export const RecoverRequestSchema = v.strictObject({
  username: UsernameSchema,
  deviceName: v.optional(DeviceNameSchema),
  code: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(RECOVERY_CODE_PATTERN, "Not a recovery code.")),
});

/** How an options call answers: the WebAuthn options plus the id to send back with the verify call. */
export interface PasskeyOptionsResponse<Options> {
  challengeId: string;
  options: Options;
}

/** `POST /api/auth/register/verify` answer; the recovery code is shown once and never stored in clear. */
export interface SignUpResponse {
  user: { id: string; username: string; createdAt: number };
  recoveryCode: string;
}
