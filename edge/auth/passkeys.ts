import {
  type VerifiedAuthenticationResponse,
  type VerifiedRegistrationResponse,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type * as v from "valibot";
import type { AuthenticationCredentialSchema, RegistrationCredentialSchema } from "../../shared/schemas/auth";
import { ApiError } from "../http/errors";
import type { RelyingParty } from "./relying-party";

const RP_NAME = "Spotter";
// ES256 and RS256: what platform authenticators and security keys offer.
const ALGORITHMS = [-7, -257];

export function registrationOptions(rpID: string, username: string, userId: string) {
  return generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: username,
    userID: Uint8Array.from(new TextEncoder().encode(userId)),
    attestationType: "none",
    // A passkey must prove who holds it (PIN, fingerprint, face), not just that someone touched it.
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
    supportedAlgorithmIDs: ALGORITHMS,
  });
}

export function authenticationOptions(rpID: string, credentials: { id: string; transports: string[] }[]) {
  return generateAuthenticationOptions({
    rpID,
    userVerification: "required",
    allowCredentials: credentials.map(({ id, transports }) => ({ id, transports: asTransports(transports) })),
  });
}

type Transport = "ble" | "cable" | "hybrid" | "internal" | "nfc" | "smart-card" | "usb";
const TRANSPORTS: readonly string[] = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"];
const asTransports = (names: readonly string[]): Transport[] =>
  names.filter((name): name is Transport => TRANSPORTS.includes(name));

/** Verifies a new passkey; a bad one is a 400, never a 500. */
export async function verifyRegistration(
  response: v.InferOutput<typeof RegistrationCredentialSchema>,
  expectedChallenge: string,
  rp: RelyingParty,
): Promise<NonNullable<VerifiedRegistrationResponse["registrationInfo"]>> {
  const result = await verifyRegistrationResponse({
    response: {
      ...response,
      response: { ...response.response, transports: asTransports(response.response.transports ?? []) },
    },
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    requireUserVerification: true,
    supportedAlgorithmIDs: ALGORITHMS,
  }).catch((err: unknown) => {
    throw new ApiError(400, "bad_request", `The passkey could not be verified: ${messageOf(err)}`);
  });
  if (!result.verified || !result.registrationInfo) {
    throw new ApiError(400, "bad_request", "The passkey could not be verified.");
  }
  return result.registrationInfo;
}

/** Verifies a passkey assertion against the stored credential; failure is a 401. */
export async function verifyAuthentication(
  response: v.InferOutput<typeof AuthenticationCredentialSchema>,
  expectedChallenge: string,
  rp: RelyingParty,
  credential: { id: string; publicKey: Uint8Array<ArrayBuffer>; counter: number; transports: string[] },
): Promise<VerifiedAuthenticationResponse["authenticationInfo"]> {
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    credential: { ...credential, transports: asTransports(credential.transports) },
    requireUserVerification: true,
  }).catch((err: unknown) => {
    throw new ApiError(401, "unauthorized", `The passkey could not be verified: ${messageOf(err)}`);
  });
  if (!result.verified) throw new ApiError(401, "unauthorized", "The passkey could not be verified.");
  return result.authenticationInfo;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
