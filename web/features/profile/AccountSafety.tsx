import { useEffect, useState } from "react";
import type { Passkey } from "../../../shared/schemas/account";
import { useTranslation } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { formatDate, formatNumber } from "../../i18n/format";
import { listPasskeys, removePasskey, rotateRecoveryCode, signOutOtherDevices } from "./account-api";

/**
 * What to do when a device, a passkey or the recovery code may be in someone else's hands: remove
 * a passkey, get a new recovery code, sign out everywhere else.
 */
export function AccountSafety(props: { onRecoveryCode: (code: string) => void; onSignedOut: () => void }) {
  const { t } = useTranslation("profile");
  const [passkeys, setPasskeys] = useState<Passkey[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => listPasskeys().then(setPasskeys, (err: unknown) => setNote(errorMessage(err)));
  useEffect(() => {
    void load();
  }, []);
  async function act(run: () => Promise<void>) {
    setBusy(true);
    setNote(null);
    try {
      await run();
    } catch (err) {
      setNote(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const remove = (passkey: Passkey) =>
    act(async () => {
      if (!window.confirm(t("safety.confirmRemove"))) return;
      await removePasskey(passkey.id);
      await load();
      setNote(t("safety.removed"));
      if (passkeys?.length === 1) props.onSignedOut();
    });
  const others = () =>
    act(async () => {
      const ended = await signOutOtherDevices();
      setNote(t("safety.signedOutOthers", { count: ended }));
    });
  return (
    <section aria-label={t("safety.label")}>
      <h3>{t("safety.title")}</h3>
      <ul className="devices">
        {(passkeys ?? []).map((p, i) => (
          <li key={p.id}>
            <span>
              {t("safety.passkey", { number: formatNumber(i + 1) })}
              <span className="muted">
                {" "}
                {t("safety.details", { date: formatDate(p.createdAt), count: p.signedInDevices })}
              </span>
            </span>
            <button type="button" className="secondary" disabled={busy} onClick={() => void remove(p)}>
              {t("safety.remove")}
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
          {t("safety.newCode")}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void others()}>
          {t("safety.signOutOthers")}
        </button>
      </div>
      {note && <p role="status">{note}</p>}
    </section>
  );
}
