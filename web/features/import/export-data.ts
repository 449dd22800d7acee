import {
  deviceExportHead,
  RESTORE_ORDER,
  strongCsv,
  strongRows,
  STRONG_HEADER,
} from "../../../shared/import";
import type { EntityKind, EntityRecords } from "../../../shared/schemas/entities";
import { getDb } from "../../db/database";
import { validRows } from "../../db/queries";
import type { AnyRow, SetRow, WorkoutRow } from "../../db/records";
import type { Collection } from "dexie";
import type { WeightUnit } from "../log/units";

/** Records read per step: small enough that reading and writing one never holds the page long. */
const PAGE = 2000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Every valid record of `kind`, a page at a time by primary key (stable under concurrent writes). */
async function* pages<E extends EntityKind>(kind: E): AsyncGenerator<EntityRecords[E][]> {
  const table = getDb().tableFor(kind);
  let after: string | null = null;
  for (;;) {
    const query: Collection<AnyRow, string> =
      after === null ? table.orderBy(":id") : table.where(":id").above(after);
    const rows: AnyRow[] = await query.limit(PAGE).toArray();
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    yield validRows(kind, rows);
    await nextTask();
  }
}

/** Everything on this device as a Spotter export: every synced record, as stored. */
export async function exportEverythingJson(nowMs = Date.now()): Promise<Blob> {
  const parts: string[] = [deviceExportHead(nowMs)];
  let first = true;
  for (const kind of RESTORE_ORDER) {
    for await (const rows of pages(kind)) {
      const text = rows.map((value) => JSON.stringify({ entity: kind, key: value.id, value })).join(",");
      parts.push(first ? text : `,${text}`);
      first = false;
    }
  }
  parts.push("]}");
  return new Blob(parts, { type: "application/json" });
}

/** The log as Strong's CSV, oldest workout first, weights in the person's unit. */
export async function exportLogCsv(unit: WeightUnit, nameOf: (exerciseId: string) => string): Promise<Blob> {
  const setsByWorkout = new Map<string, SetRow[]>();
  for await (const rows of pages("set")) {
    for (const s of rows) {
      const list = setsByWorkout.get(s.workoutId);
      if (list) list.push(s);
      else setsByWorkout.set(s.workoutId, [s]);
    }
  }
  const workouts: WorkoutRow[] = [];
  for await (const rows of pages("workout")) workouts.push(...rows);
  workouts.sort((a, b) => a.startedAt - b.startedAt);
  const parts: string[] = [];
  for (let i = 0; i < workouts.length; i += PAGE / 10) {
    const rows = workouts
      .slice(i, i + PAGE / 10)
      .flatMap((w) => strongRows(w, setsByWorkout.get(w.id) ?? [], nameOf, unit));
    // The header once, then the rows of each slice without it.
    const csv = strongCsv(rows);
    parts.push(i === 0 ? csv : csv.slice(csv.indexOf("\r\n")));
    await nextTask();
  }
  if (parts.length === 0) parts.push(STRONG_HEADER.join(","));
  return new Blob([...parts, "\r\n"], { type: "text/csv" });
}

/** Starts a download of `blob` as `fileName`. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Today's date for file names, YYYY-MM-DD (local). */
export const fileDay = (ms = Date.now()) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
