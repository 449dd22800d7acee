import * as v from "valibot";

/** Client-generated entity ids: UUID strings of version 7 (time-ordered), lower or upper case hex. */
export const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** An entity id: a UUIDv7 string generated on the client. */
export const EntityIdSchema = v.pipe(v.string(), v.regex(UUID_V7_PATTERN, "Expected a UUIDv7 id."));

/** Latest instant we accept (year 2200), so a seconds/ms mix-up or garbage is caught. */
const MAX_TIMESTAMP_MS = 7_258_118_400_000;

/** Milliseconds since the Unix epoch. */
export const TimestampMsSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TIMESTAMP_MS));

/** A bounded, trimmed piece of user text. */
export const textSchema = (maxLength: number) => v.pipe(v.string(), v.trim(), v.maxLength(maxLength));

/** Fields every synced record carries: when the client last changed it and, if so, when it was deleted. */
export const recordMetaEntries = {
  updatedAt: TimestampMsSchema,
  deletedAt: v.optional(TimestampMsSchema),
};
