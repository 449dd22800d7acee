import { useState, type FormEvent } from "react";
import { deleteAccount, downloadAccountExport } from "./account-api";

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Take everything out as a file, or delete the account with all its data on the server. */
export function YourData(props: { username: string; onDeleted: () => void }) {
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
      setNote("Your data is downloading.");
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
    <section aria-label="Your data">
      <h3>Your data</h3>
      <p className="muted">
        Download everything Spotter&apos;s server holds for your account as a JSON file.
      </p>
      <button type="button" className="secondary" disabled={busy} onClick={() => void download()}>
        Download my data
      </button>
      <details className="recover">
        <summary>Delete my account</summary>
        <form className="account-form" onSubmit={(e) => void remove(e)}>
          <p>
            This deletes your account, passkeys, sessions and every synced record on the server, at once and
            for good. What is on this device stays until you remove it.
          </p>
          <label>
            Type your username ({props.username}) to confirm
            <input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" required />
          </label>
          <button type="submit" className="danger" disabled={busy || confirm.trim() !== props.username}>
            Delete account and server data
          </button>
        </form>
      </details>
      {note && <p role="status">{note}</p>}
    </section>
  );
}
