import { useEffect, useState } from "react";
import type { Passkey } from "../../../shared/schemas/account";
import { listPasskeys, removePasskey, rotateRecoveryCode, signOutOtherDevices } from "./account-api";

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * What to do when a device, a passkey or the recovery code may be in someone else's hands: remove
 * a passkey, get a new recovery code, sign out everywhere else.
 */
export function AccountSafety(props: { onRecoveryCode: (code: string) => void; onSignedOut: () => void }) {
  const [passkeys, setPasskeys] = useState<Passkey[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => listPasskeys().then(setPasskeys, (err: unknown) => setNote(messageOf(err)));
  useEffect(() => {
    void load();
  }, []);
  async function act(run: () => Promise<void>) {
    setBusy(true);
    setNote(null);
    try {
      await run();
    } catch (err) {
      setNote(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  const remove = (passkey: Passkey) =>
    act(async () => {
      if (!window.confirm("Remove this passkey? Devices signed in with it are signed out.")) return;
      await removePasskey(passkey.id);
      await load();
      setNote("Passkey removed.");
      if (passkeys?.length === 1) props.onSignedOut();
    });
  const others = () =>
    act(async () => {
      const ended = await signOutOtherDevices();
      setNote(ended === 1 ? "Signed out 1 other device." : `Signed out ${ended} other devices.`);
    });
  return (
    <section aria-label="Passkeys and sign-in">
      <h3>Passkeys</h3>
      <ul className="devices">
        {(passkeys ?? []).map((p, i) => (
          <li key={p.id}>
            <span>
              Passkey {i + 1}
              <span className="muted">
                {" "}
                · added {new Date(p.createdAt).toLocaleDateString()} · signed in on {p.signedInDevices}{" "}
                {p.signedInDevices === 1 ? "device" : "devices"}
              </span>
            </span>
            <button type="button" className="secondary" disabled={busy} onClick={() => void remove(p)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="row-gap">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void act(async () => props.onRecoveryCode(await rotateRecoveryCode()))}
        >
          New recovery code
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void others()}>
          Sign out all other devices
        </button>
      </div>
      {note && <p role="status">{note}</p>}
    </section>
  );
}
