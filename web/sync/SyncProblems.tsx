import { useState } from "react";
import { useTranslation } from "react-i18next";
import { getDb, useLiveQuery } from "../db";
import { heldChangeCount, discardHeld } from "./owner";
import type { QuarantineRow } from "../db/sync-tables";
import { formatDateTime } from "../i18n/format";
import { discardQuarantined, listQuarantined, retryQuarantined } from "./quarantine";
import type { SyncStatusSnapshot } from "./status";

/** A discard that asks once more: what it drops exists nowhere else. */
function DiscardButton({ label, onDiscard }: { label: string; onDiscard: () => Promise<void> }) {
  const { t } = useTranslation("sync");
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={t("problems.discard.ask")}>
      {t("problems.discard.ask")}{" "}
      <button type="button" className="secondary" onClick={() => void onDiscard()}>
        {t("problems.discard.yes")}
      </button>{" "}
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        {t("problems.discard.keep")}
      </button>
    </span>
  );
}

/** Changes that could not sync, each with why and a way to discard it. */
function Quarantined() {
  const { t } = useTranslation("sync");
  // What a set-aside change was: the kind of record and when it was changed.
  const describe = (row: QuarantineRow) =>
    t(`change.${row.op === "delete" ? "delete" : "put"}.${row.entity}`, {
      when: formatDateTime(row.createdAt),
    });
  const rows = useLiveQuery(() => listQuarantined(getDb()), []) ?? [];
  if (rows.length === 0) return null;
  return (
    <details className="sync-problem">
      <summary>{t("problems.quarantined.summary", { count: rows.length })}</summary>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            {/* The reason is the server's own words (English), like its error messages. */}
            <span>{t("problems.quarantined.item", { what: describe(row), reason: row.reason })}</span>{" "}
            <button
              type="button"
              className="secondary"
              onClick={() => void retryQuarantined(getDb(), row.id)}
            >
              {t("problems.quarantined.retry")}
            </button>{" "}
            <DiscardButton
              label={t("problems.quarantined.discard")}
              onDiscard={() => discardQuarantined(getDb(), row.id)}
            />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Another account's unsynced changes on a shared device: kept for it, or discarded by choice. */
function HeldForOthers() {
  const { t } = useTranslation("sync");
  const count = useLiveQuery(() => heldChangeCount(getDb()), []) ?? 0;
  if (count === 0) return null;
  return (
    <p className="sync-problem">
      {t("problems.held.text", { count })}{" "}
      <DiscardButton label={t("problems.held.discard")} onDiscard={() => discardHeld(getDb())} />
    </p>
  );
}

/** Sync problems that need the person: refused changes, other accounts' data, records to update for. */
export function SyncProblems({ status }: { status: SyncStatusSnapshot }) {
  const { t } = useTranslation("sync");
  if (status.quarantined + status.heldForOthers + status.keptAside === 0) return null;
  return (
    <div className="sync-problems" role="region" aria-label={t("problems.label")}>
      {status.quarantined > 0 && <Quarantined />}
      {status.heldForOthers > 0 && <HeldForOthers />}
      {status.keptAside > 0 && (
        <p className="sync-problem">{t("problems.keptAside", { count: status.keptAside })}</p>
      )}
    </div>
  );
}
