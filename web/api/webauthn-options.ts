import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import * as v from "valibot";

const TransportSchema = v.picklist(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]);
const UserVerificationSchema = v.picklist(["discouraged", "preferred", "required"]);
const CredentialRefSchema = v.object({
  id: v.string(),
  type: v.literal("public-key"),
  transports: v.optional(v.array(TransportSchema)),
});

/** The registration options the server sends, checked before they reach the browser's passkey UI. */
export const CreationOptionsSchema = v.object({
  rp: v.object({ id: v.optional(v.string()), name: v.string() }),
  user: v.object({ id: v.string(), name: v.string(), displayName: v.string() }),
  challenge: v.string(),
  pubKeyCredParams: v.array(v.object({ alg: v.number(), type: v.literal("public-key") })),
  timeout: v.optional(v.number()),
  excludeCredentials: v.optional(v.array(CredentialRefSchema)),
  authenticatorSelection: v.optional(
    v.object({
      authenticatorAttachment: v.optional(v.picklist(["platform", "cross-platform"])),
      residentKey: v.optional(v.picklist(["discouraged", "preferred", "required"])),
      requireResidentKey: v.optional(v.boolean()),
      userVerification: v.optional(UserVerificationSchema),
    }),
  ),
  attestation: v.optional(v.picklist(["direct", "enterprise", "indirect", "none"])),
}) satisfies v.GenericSchema<unknown, PublicKeyCredentialCreationOptionsJSON>;

/** The sign-in options the server sends. */
export const RequestOptionsSchema = v.object({
  challenge: v.string(),
  timeout: v.optional(v.number()),
  rpId: v.optional(v.string()),
  allowCredentials: v.optional(v.array(CredentialRefSchema)),
  userVerification: v.optional(UserVerificationSchema),
}) satisfies v.GenericSchema<unknown, PublicKeyCredentialRequestOptionsJSON>;

export const OptionsResponseSchema = <S extends v.GenericSchema>(options: S) =>
  v.object({ challengeId: v.string(), options });
