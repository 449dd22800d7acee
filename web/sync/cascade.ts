import Dexie from "dexie";
import type { EntityKind } from "../../shared/schemas/entities";
import { childrenOf } from "../../shared/sync/parents";
import type { SpotterDb } from "../db/database";

/**
 * Deletes the local children of a record deleted on the server (a workout's sets), including ones
 * not pushed yet: the server deleted the others in the same batch as the parent and tombstones
 * these when they arrive. Runs inside the caller's transaction over the child tables. Returns how many.
 */
export async function deleteChildren(db: SpotterDb, entity: EntityKind, key: string): Promise<number> {
  let deleted = 0;
  for (const child of childrenOf(entity)) {
    const table = db.tableFor(child.entity);
    const index = PARENT_INDEX[child.entity];
    const rows = index
      ? table.where(index).between([key, Dexie.minKey], [key, Dexie.maxKey])
      : table.filter((row) => readField(row, child.field) === key);
    const keys = (await rows.primaryKeys()) as string[];
    await table.bulkDelete(keys);
    deleted += keys.length;
  }
  return deleted;
}

/** Local compound indexes that start with the parent's key, where a child table has one. */
const PARENT_INDEX: Partial<Record<EntityKind, string>> = { set: "[workoutId+order]" };

const readField = (row: object, field: string): unknown => (row as Record<string, unknown>)[field];
