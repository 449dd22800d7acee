import { useState, type FormEvent } from "react";
import { signInWithPasskey, signInWithRecoveryCode, signOut, signUpWithPasskey } from "../../api/auth";
import { clearLocalLog } from "../../db";
import { ensureSyncStarted } from "../../sync";
import { Trans, useTranslation } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { AccountSafety } from "./AccountSafety";
import { Devices } from "./Devices";
import { RecoveryCode } from "./RecoveryCode";
import { useAccount } from "./use-account";
import { YourData } from "./YourData";

/** Create an account with a passkey, sign in (passkey or recovery code), sign out, manage devices. */
export function AccountPanel() {
  const { t } = useTranslation("profile");
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
      setError(errorMessage(err));
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
    <section className="account" aria-label={t("account.label")}>
      <h2>{t("account.title")}</h2>
      {recoveryCode && <RecoveryCode code={recoveryCode} onDone={() => setRecoveryCode(null)} />}
      {error && <p role="alert">{error}</p>}
      {notice && <p role="status">{notice}</p>}
      {account.status === "loading" && <p className="muted">{t("account.checking")}</p>}
      {account.status === "unreachable" && (
        <p className="muted">{t("account.unreachable", { detail: account.message })}</p>
      )}
      {account.status === "signed-in" && (
        <>
          <p>
            <Trans
              t={t}
              i18nKey="account.signedInAs"
              values={{ username: account.user.username }}
              components={{ strong: <strong /> }}
            />
          </p>
          <div className="row-gap">
            <button type="button" className="secondary" disabled={busy} onClick={signOutHere}>
              {t("account.signOut")}
            </button>
            <label className="inline">
              <input
                type="checkbox"
                checked={removeLocal}
                onChange={(e) => setRemoveLocal(e.target.checked)}
              />{" "}
              {t("account.removeLocal")}
            </label>
          </div>
          <Devices onRevokedSelf={() => void act(async () => undefined)} />
          <AccountSafety
            onRecoveryCode={setRecoveryCode}
            onSignedOut={() => void act(async () => undefined)}
          />
          <YourData
            username={account.user.username}
            onDeleted={() => void act(async () => setNotice(t("account.deleted")))}
          />
        </>
      )}
      {account.status === "signed-out" && (
        <>
          <p className="muted">{t("account.intro")}</p>
          <form className="account-form" onSubmit={signUp}>
            <label>
              {t("account.username")}
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
              {t("account.create")}
            </button>
          </form>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void act(async () => void (await signInWithPasskey()))}
          >
            {t("account.signInPasskey")}
          </button>
          <details className="recover">
            <summary>{t("account.recover")}</summary>
            <form className="account-form" onSubmit={recover}>
              <label>
                {t("account.username")}
                <input value={username} onChange={(e) => setUsername(e.target.value)} required />
              </label>
              <label>
                {t("account.recoveryCode")}
                <input value={code} onChange={(e) => setCode(e.target.value)} required autoComplete="off" />
              </label>
              <button type="submit" disabled={busy}>
                {t("account.recoverSubmit")}
              </button>
            </form>
          </details>
        </>
      )}
    </section>
  );
}
