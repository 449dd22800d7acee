import * as v from "valibot";
import { ACCOUNT_EXPORT_FORMAT } from "../schemas/account";
import { TimestampMsSchema } from "../schemas/common";
import { EntityKindSchema, safeParseRecord } from "../schemas/entities";
import type { EntityKind, EntityRecords } from "../schemas/entities";
import { ImportFileError } from "./types";

/** Names the file format of a device export (everything this device holds). */
export const DEVICE_EXPORT_FORMAT = "spotter-device-export";
export const DEVICE_EXPORT_VERSION = 1;

/** One record in an export: the same entity, key and value a sync pull carries. */
export interface ExportRecord<E extends EntityKind = EntityKind> {
  entity: E;
  key: string;
  value: EntityRecords[E];
}

const EnvelopeSchema = v.object({
  format: v.picklist([DEVICE_EXPORT_FORMAT, ACCOUNT_EXPORT_FORMAT]),
  version: v.literal(DEVICE_EXPORT_VERSION),
  exportedAt: TimestampMsSchema,
  records: v.array(v.object({ entity: v.string(), key: v.string(), value: v.unknown() })),
});

/** The head of a device export; records follow it (written in pieces for a big log). */
export function deviceExportHead(exportedAt: number): string {
  return `{"format":"${DEVICE_EXPORT_FORMAT}","version":${DEVICE_EXPORT_VERSION},"exportedAt":${exportedAt},"records":[`;
}

/** A whole device export as JSON text. */
export function deviceExportJson(exportedAt: number, records: readonly ExportRecord[]): string {
  return `${deviceExportHead(exportedAt)}${records.map((r) => JSON.stringify(r)).join(",")}]}`;
}

/** What an export file held: its valid records by kind, and the ones that were not valid. */
export interface ParsedExport {
  records: ExportRecord[];
  invalid: { entity: string; key: string; message: string }[];
  counts: Partial<Record<EntityKind, number>>;
}

/**
 * Reads a Spotter export (this device's, or the account export from the server): every record is
 * checked against its schema, and one whose key is not its id is refused, so nothing invalid is stored.
 */
export function parseSpotterExport(text: string): ParsedExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportFileError("bad_file", "This file is not valid JSON.", "not_json");
  }
  const envelope = v.safeParse(EnvelopeSchema, json);
  if (!envelope.success) {
    throw new ImportFileError(
      "unknown_format",
      "This JSON file is not a Spotter export.",
      "not_spotter_json",
    );
  }
  const out: ParsedExport = { records: [], invalid: [], counts: {} };
  for (const raw of envelope.output.records) {
    const kind = v.safeParse(EntityKindSchema, raw.entity);
    if (!kind.success) {
      out.invalid.push({ entity: raw.entity, key: raw.key, message: "Unknown kind of record." });
      continue;
    }
    const parsed = safeParseRecord(kind.output, raw.value);
    if (!parsed.ok || parsed.record.id !== raw.key) {
      const message = parsed.ok ? "Its key is not its id." : parsed.error.message;
      out.invalid.push({ entity: raw.entity, key: raw.key, message });
      continue;
    }
    out.records.push({ entity: kind.output, key: raw.key, value: parsed.record });
    out.counts[kind.output] = (out.counts[kind.output] ?? 0) + 1;
  }
  return out;
}

/** Kinds in the order they are restored: parents before the records that point to them. */
export const RESTORE_ORDER = [
  "profile",
  "nutritionTargets",
  "food",
  "plan",
  "measurement",
  "workout",
  "set",
  "mealEntry",
] as const satisfies readonly EntityKind[];
