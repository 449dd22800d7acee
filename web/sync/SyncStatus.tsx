import { useEffect, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { errorMessage } from "../i18n/errors";
import { formatNumber, formatTime } from "../i18n/format";
import { ensureSyncStarted, getSyncStatus, subscribeSyncStatus, type SyncStatusSnapshot } from "./index";
import { SyncProblems } from "./SyncProblems";
import "./sync-status.css";

type T = ReturnType<typeof useTranslation<"sync">>["t"];

/** The problem in the language on screen; a failure's cause worded by its own code. */
function problemWords(t: T, status: SyncStatusSnapshot): string {
  const problem = status.problem;
  if (!problem) return status.message ?? t("status.notSynced");
  if (problem.wording === "failed") {
    return t("status.problem.failed", {
      detail: problem.cause === undefined ? (status.message ?? "") : errorMessage(problem.cause),
    });
  }
  return t(`status.problem.${problem.wording}`);
}

function describe(t: T, status: SyncStatusSnapshot): string {
  const waiting = t("status.waiting", { count: status.pending });
  switch (status.state) {
    case "syncing":
      return status.received > 0
        ? t("status.syncingReceived", {
            count: status.received,
            records: formatNumber(status.received),
          })
        : t("status.syncing");
    case "offline":
    case "signed_out":
    case "update_required":
    case "error":
      return status.pending > 0
        ? t("status.problemWithWaiting", { problem: problemWords(t, status), waiting })
        : problemWords(t, status);
    case "idle":
      return status.pending > 0 ? waiting : t("status.allSynced");
  }
}

/** Pending changes, last sync time and sync problems in words. Mounting it starts background sync. */
export function SyncStatus() {
  const { t } = useTranslation("sync");
  useEffect(() => {
    ensureSyncStarted();
  }, []);
  const status = useSyncExternalStore(subscribeSyncStatus, getSyncStatus);
  return (
    <>
      <div
        className="sync-status"
        role="status"
        aria-label={t("status.label")}
        data-state={status.state}
        data-pending={status.pending}
      >
        <span>{describe(t, status)}</span>
        {status.lastSyncAt !== null && (
          <span className="muted">{t("status.lastSync", { time: formatTime(status.lastSyncAt) })}</span>
        )}
        {status.state === "signed_out" && <Link href="~/profile">{t("status.signIn")}</Link>}
        {status.state !== "syncing" && status.state !== "signed_out" && (
          <button
            type="button"
            className="secondary sync-now"
            onClick={() => void ensureSyncStarted().syncNow()}
          >
            {t("status.syncNow")}
          </button>
        )}
      </div>
      <SyncProblems status={status} />
    </>
  );
}
