import { useState, type FormEvent } from "react";
import { useTranslation } from "../../i18n";
import { deleteAccount, downloadAccountExport } from "./account-api";

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Take everything out as a file, or delete the account with all its data on the server. */
export function YourData(props: { username: string; onDeleted: () => void }) {
  const { t } = useTranslation("import");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setNote(null);
    try {
      const { blob, fileName } = await downloadAccountExport();
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.click();
      // The click has started the download; the URL is no longer needed.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setNote(t("yourData.downloading"));
    } catch (err) {
      setNote(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setNote(null);
    try {
      await deleteAccount(confirm.trim());
      props.onDeleted();
    } catch (err) {
      setNote(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <section aria-label={t("yourData.region")}>
      <h3>{t("yourData.title")}</h3>
      <p className="muted">{t("yourData.intro")}</p>
      <button type="button" className="secondary" disabled={busy} onClick={() => void download()}>
        {t("yourData.download")}
      </button>
      <details className="recover">
        <summary>{t("yourData.delete")}</summary>
        <form className="account-form" onSubmit={(e) => void remove(e)}>
          <p>{t("yourData.deleteWarning")}</p>
          <label>
            {t("yourData.confirmLabel", { username: props.username })}
            <input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" required />
          </label>
          <button type="submit" className="danger" disabled={busy || confirm.trim() !== props.username}>
            {t("yourData.deleteButton")}
          </button>
        </form>
      </details>
      {note && <p role="status">{note}</p>}
    </section>
  );
}
