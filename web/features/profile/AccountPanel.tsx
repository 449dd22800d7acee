import { useState, type FormEvent } from "react";
import { signInWithPasskey, signInWithRecoveryCode, signOut, signUpWithPasskey } from "../../api/auth";
import { clearLocalLog } from "../../db";
import { ensureSyncStarted } from "../../sync";
import { AccountSafety } from "./AccountSafety";
import { Devices } from "./Devices";
import { RecoveryCode } from "./RecoveryCode";
import { useAccount } from "./use-account";
import { YourData } from "./YourData";

/** Create an account with a passkey, sign in (passkey or recovery code), sign out, manage devices. */
export function AccountPanel() {
  const { account, refresh } = useAccount();
  const [username, setUsername] = useState("");
  const [code, setCode] = useState("");
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [removeLocal, setRemoveLocal] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function act(run: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await run();
      await refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  const signUp = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => setRecoveryCode((await signUpWithPasskey(username)).recoveryCode));
  };
  const signOutHere = () =>
    void act(async () => {
      if (removeLocal) {
        // Last chance to upload; clearing refuses if anything is still unsynced.
        await ensureSyncStarted().syncNow();
        await clearLocalLog();
      }
      await signOut();
    });
  const recover = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      setRecoveryCode((await signInWithRecoveryCode(username, code)).recoveryCode);
      setCode("");
    });
  };

  return (
    <section className="account" aria-label="Account">
      <h2>Account</h2>
      {recoveryCode && <RecoveryCode code={recoveryCode} onDone={() => setRecoveryCode(null)} />}
      {error && <p role="alert">{error}</p>}
      {notice && <p role="status">{notice}</p>}
      {account.status === "loading" && <p className="muted">Checking your account…</p>}
      {account.status === "unreachable" && (
        <p className="muted">
          Cannot reach Spotter&apos;s server right now ({account.message}). Everything still works here.
        </p>
      )}
      {account.status === "signed-in" && (
        <>
          <p>
            Signed in as <strong>{account.user.username}</strong>. Your log syncs between your devices.
          </p>
          <div className="row-gap">
            <button type="button" className="secondary" disabled={busy} onClick={signOutHere}>
              Sign out
            </button>
            <label className="inline">
              <input
                type="checkbox"
                checked={removeLocal}
                onChange={(e) => setRemoveLocal(e.target.checked)}
              />{" "}
              Also remove my log from this device
            </label>
          </div>
          <Devices onRevokedSelf={() => void act(async () => undefined)} />
          <AccountSafety
            onRecoveryCode={setRecoveryCode}
            onSignedOut={() => void act(async () => undefined)}
          />
          <YourData
            username={account.user.username}
            onDeleted={() =>
              void act(async () =>
                setNotice("Your account and all its data on Spotter's server are deleted."),
              )
            }
          />
        </>
      )}
      {account.status === "signed-out" && (
        <>
          <p className="muted">
            Spotter works fully without an account; your log stays on this device. Create one to back it up
            and sync it to your other devices: what you logged so far goes with it.
          </p>
          <form className="account-form" onSubmit={signUp}>
            <label>
              Username
              <input
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                autoComplete="username webauthn"
                required
                minLength={3}
                maxLength={32}
              />
            </label>
            <button type="submit" disabled={busy}>
              Create account with a passkey
            </button>
          </form>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void act(async () => void (await signInWithPasskey()))}
          >
            Sign in with a passkey
          </button>
          <details className="recover">
            <summary>Sign in with a recovery code</summary>
            <form className="account-form" onSubmit={recover}>
              <label>
                Username
                <input value={username} onChange={(e) => setUsername(e.target.value)} required />
              </label>
              <label>
                Recovery code
                <input value={code} onChange={(e) => setCode(e.target.value)} required autoComplete="off" />
              </label>
              <button type="submit" disabled={busy}>
                Sign in with recovery code
              </button>
            </form>
          </details>
        </>
      )}
    </section>
  );
}
