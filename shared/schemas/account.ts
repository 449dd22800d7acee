import * as v from "valibot";
import { TimestampMsSchema } from "./common";
import { EntityKindSchema } from "./entities";
import { UsernameSchema } from "./user";

/** A passkey of the signed-in account, as its owner sees it. */
export const PasskeySchema = v.object({
  /** The authenticator's credential id (base64url): what `DELETE /api/auth/passkeys/:id` takes. */
  id: v.string(),
  createdAt: TimestampMsSchema,
  /** Devices currently signed in with it. */
  signedInDevices: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type Passkey = v.InferOutput<typeof PasskeySchema>;

/** `DELETE /api/auth/passkeys/:id` path: a base64url credential id. */
export const PasskeyParamSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,1024}$/, "Expected a passkey id.")),
});

/** `DELETE /api/account` body: the owner types their username to confirm. */
export const DeleteAccountRequestSchema = v.strictObject({ confirm: UsernameSchema });
export type DeleteAccountRequest = v.InferOutput<typeof DeleteAccountRequestSchema>;

/** Names the file format of an account export, so an importer can recognise it. */
export const ACCOUNT_EXPORT_FORMAT = "spotter-account-export";
/** Version of the export format; a change of shape is a new version. */
export const ACCOUNT_EXPORT_VERSION = 1;

/** One synced record in an export: the same entity, key and value a sync pull carries. */
export const ExportedRecordSchema = v.object({
  entity: EntityKindSchema,
  key: v.string(),
  value: v.unknown(),
});

/**
 * `GET /api/account/export`: everything the server holds for the account. `records` are the live
 * synced records (deleted ones are gone), re-importable by pushing each as a `put`.
 */
export const AccountExportSchema = v.object({
  format: v.literal(ACCOUNT_EXPORT_FORMAT),
  version: v.literal(ACCOUNT_EXPORT_VERSION),
  exportedAt: TimestampMsSchema,
  account: v.object({ username: UsernameSchema, createdAt: TimestampMsSchema }),
  devices: v.array(
    v.object({ name: v.string(), createdAt: TimestampMsSchema, lastSeenAt: TimestampMsSchema }),
  ),
  passkeys: v.array(v.object({ createdAt: TimestampMsSchema })),
  records: v.array(ExportedRecordSchema),
});
export type AccountExport = v.InferOutput<typeof AccountExportSchema>;
