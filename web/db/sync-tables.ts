import type { OutboxMutation } from "./records";

/** A local change waiting to be pushed; `id` is the per-client increasing mutation id. */
export type OutboxRow = OutboxMutation & {
  id?: number;
  createdAt: number;
  /** Set once the change has gone out in a push: a row without it has never reached the server. */
  sentAt?: number;
  /**
   * Its hybrid logical clock stamp (shared/sync/hlc.ts), given by `stampPending` before the row is
   * pushed or any pull is merged: writers leave it out.
   */
  stamp?: string;
};

/**
 * An outbox change set aside because the server refuses it (invalid, or too large for any push):
 * kept, not deleted, shown to the person, who may discard it. `id` is its former outbox id.
 */
export type QuarantineRow = OutboxRow & { id: number; reason: string; quarantinedAt: number };

/** A pulled record this build cannot read (a newer shape): kept to be applied after an update. */
export interface UnparsedRow {
  /** The kind as the server named it: possibly one this build does not know. */
  entity: string;
  key: string;
  value: Record<string, unknown>;
  /** Server version of the change, for the record of what was kept. */
  version: number;
  /** The stamps of its fields, to merge it like any pulled record once it can be read. */
  stamps?: Record<string, string> | null;
}

/** One row of another account's local data, set aside on a shared device until it signs in here again. */
export interface HeldRow {
  seq?: number;
  /** The account (username) the row belongs to. */
  owner: string;
  /** The local table the row came from. */
  table: string;
  row: unknown;
}
