import { useState } from "react";
import { getDb, useLiveQuery } from "../db";
import { heldChangeCount, discardHeld } from "./owner";
import { describeQuarantined, discardQuarantined, listQuarantined, retryQuarantined } from "./quarantine";
import type { SyncStatusSnapshot } from "./status";

/** A discard that asks once more: what it drops exists nowhere else. */
function DiscardButton({ label, onDiscard }: { label: string; onDiscard: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label="Discard for good?">
      Discard for good?{" "}
      <button type="button" className="secondary" onClick={() => void onDiscard()}>
        Yes, discard
      </button>{" "}
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Changes that could not sync, each with why and a way to discard it. */
function Quarantined() {
  const rows = useLiveQuery(() => listQuarantined(getDb()), []) ?? [];
  if (rows.length === 0) return null;
  return (
    <details className="sync-problem">
      <summary>{plural(rows.length, "change could not sync", "changes could not sync")}</summary>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <span>
              {describeQuarantined(row)}. {row.reason} It stays on this device until you discard it.
            </span>{" "}
            <button
              type="button"
              className="secondary"
              onClick={() => void retryQuarantined(getDb(), row.id)}
            >
              Try again
            </button>{" "}
            <DiscardButton label="Discard" onDiscard={() => discardQuarantined(getDb(), row.id)} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Another account's unsynced changes on a shared device: kept for it, or discarded by choice. */
function HeldForOthers() {
  const count = useLiveQuery(() => heldChangeCount(getDb()), []) ?? 0;
  if (count === 0) return null;
  return (
    <p className="sync-problem">
      {plural(count, "unsynced change", "unsynced changes")} of another account {count === 1 ? "is" : "are"}{" "}
      kept on this device for it, hidden until it signs in here again.{" "}
      <DiscardButton label="Discard them" onDiscard={() => discardHeld(getDb())} />
    </p>
  );
}

/** Sync problems that need the person: refused changes, other accounts' data, records to update for. */
export function SyncProblems({ status }: { status: SyncStatusSnapshot }) {
  if (status.quarantined + status.heldForOthers + status.keptAside === 0) return null;
  return (
    <div className="sync-problems" role="region" aria-label="Sync problems">
      {status.quarantined > 0 && <Quarantined />}
      {status.heldForOthers > 0 && <HeldForOthers />}
      {status.keptAside > 0 && (
        <p className="sync-problem">
          {plural(status.keptAside, "synced record needs", "synced records need")} a newer version of Spotter;{" "}
          {status.keptAside === 1 ? "it is" : "they are"} kept and will show after you update.
        </p>
      )}
    </div>
  );
}
