import * as v from "valibot";
import { STAMP_PATTERN } from "../sync/hlc";
import { EntityKindSchema } from "./entities";

/** The record format this build writes. Bump when a record schema changes incompatibly. */
export const SYNC_SCHEMA_VERSION = 1;
/** The oldest client schema version the server still accepts; older pushes get `unsupported_schema_version`. */
export const MIN_SUPPORTED_SCHEMA_VERSION = 1;
/** Most mutations in one push (more is a 400). */
export const MAX_PUSH_MUTATIONS = 100;
/** Largest push body in bytes (more is a 413). */
export const MAX_PUSH_BYTES = 256 * 1024;
/**
 * Page size of a pull that names none, and the largest a client may ask for. The app's pages grow
 * to the largest (web/sync/pull-all.ts): each page costs the Worker a request and the device an
 * IndexedDB transaction, and a first sync of 10,000 records in pages of 500 spent much of its time
 * on per-page overhead. A full page of sets is about 3.5 MB of JSON (700 bytes a record).
 */
export const DEFAULT_PULL_LIMIT = 200;
export const MAX_PULL_LIMIT = 5000;
/** Header carrying the D1 Sessions bookmark so a device reads its own writes. */
export const BOOKMARK_HEADER = "x-d1-bookmark";

/** A client's id for itself (one per install and account); any UUID. */
export const ClientIdSchema = v.pipe(v.string(), v.uuid());

/** A hybrid logical clock stamp (`shared/sync/hlc.ts`): later stamps sort after earlier ones. */
export const StampSchema = v.pipe(v.string(), v.regex(STAMP_PATTERN));

/**
 * One change from a client's outbox. `id` increases per client; `key` is the record's id.
 * `put` without `fields` replaces the record with `value`; with `fields`, only those fields of `value`
 * are written. `stamp` orders it against other changes per field (absent: stamped at arrival).
 * `delete` leaves a tombstone, and a delete is final.
 */
export const MutationSchema = v.variant("op", [
  v.strictObject({
    id: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
    entity: EntityKindSchema,
    op: v.literal("put"),
    key: v.pipe(v.string(), v.maxLength(64)),
    value: v.record(v.string(), v.unknown()),
    fields: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.minLength(1), v.maxLength(64))),
    stamp: v.optional(StampSchema),
  }),
  v.strictObject({
    id: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
    entity: EntityKindSchema,
    op: v.literal("delete"),
    key: v.pipe(v.string(), v.maxLength(64)),
    stamp: v.optional(StampSchema),
  }),
]);
export type Mutation = v.InferOutput<typeof MutationSchema>;

/** `POST /api/sync/push` body. Mutations must be in increasing `id` order. */
export const PushRequestSchema = v.strictObject({
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  clientId: ClientIdSchema,
  mutations: v.pipe(v.array(MutationSchema), v.maxLength(MAX_PUSH_MUTATIONS)),
});
export type PushRequest = v.InferOutput<typeof PushRequestSchema>;

/** `POST /api/sync/push` answer: the last mutation id the server has applied for this client. */
export const PushResponseSchema = v.object({
  lastMutationId: v.number(),
  /** Mutation ids that were accepted but changed nothing (not the caller's record, or a partial put on a missing record). */
  ignored: v.array(v.number()),
  /**
   * Mutation ids at or below the last id the server had already applied for this client, so not
   * applied now. A replay expects this; ids the client never sent before mean its client id was
   * used by another copy of its state (a restored profile), and it must rotate it and send again.
   */
  skipped: v.optional(v.array(v.number()), []),
});
export type PushResponse = v.InferOutput<typeof PushResponseSchema>;

/** `GET /api/sync/pull` query. */
export const PullQuerySchema = v.object({
  cursor: v.optional(v.pipe(v.string(), v.maxLength(64))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.toNumber(), v.minValue(1), v.maxValue(MAX_PULL_LIMIT)),
  ),
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** One change in a pull: the record's current value, or `null` for a tombstone. */
export const ChangeSchema = v.object({
  /** Any name: a newer server may sync kinds this build does not know yet (clients keep them aside). */
  entity: v.pipe(v.string(), v.maxLength(64)),
  key: v.string(),
  /**
   * Checked here only as an object: the client validates each value against its entity's schema
   * (`parseRecord`), and walking every field twice made validation a large share of a pull.
   */
  value: v.nullable(v.custom<Record<string, unknown>>(isPlainObject, "Expected an object.")),
  /** Server order: a change with a higher version happened later. */
  version: v.number(),
  /** The stamp of each field of `value` (null or absent for tombstones and old servers). */
  stamps: v.optional(v.nullable(v.record(v.string(), v.string()))),
});
export type Change = v.InferOutput<typeof ChangeSchema>;

/** `GET /api/sync/pull` answer. Pass `cursor` back to get the next page; `hasMore` says whether to. */
export const PullResponseSchema = v.object({
  changes: v.array(ChangeSchema),
  cursor: v.string(),
  hasMore: v.boolean(),
});
export type PullResponse = v.InferOutput<typeof PullResponseSchema>;
