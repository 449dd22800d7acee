import * as v from "valibot";
import { EntityIdSchema, TimestampMsSchema, recordMetaEntries, textSchema } from "./common";

const cm = v.optional(v.nullable(v.pipe(v.number(), v.minValue(1), v.maxValue(300))));

/** A body measurement taken at one moment; any subset of the fields may be present. */
export const BodyMeasurementSchema = v.object({
  id: EntityIdSchema,
  measuredAt: TimestampMsSchema,
  weightKg: v.optional(v.nullable(v.pipe(v.number(), v.minValue(20), v.maxValue(400)))),
  bodyFatPct: v.optional(v.nullable(v.pipe(v.number(), v.minValue(1), v.maxValue(75)))),
  waistCm: cm,
  hipCm: cm,
  chestCm: cm,
  armCm: cm,
  thighCm: cm,
  note: v.optional(textSchema(500)),
  ...recordMetaEntries,
});
export type BodyMeasurement = v.InferOutput<typeof BodyMeasurementSchema>;
