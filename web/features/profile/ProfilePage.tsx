import { useEffect, useState } from "react";
import { Link } from "wouter";
import { getProfile, requestPersistentStorage, useLiveQuery } from "../../db";
import type { PersistenceState } from "../../db/persistence";
import { useTranslation } from "../../i18n";
import { LanguagePicker } from "../../i18n/LanguagePicker";
import { AccountPanel } from "./AccountPanel";
import { ProfileForm } from "./ProfileForm";
import "./profile.css";

export default function ProfilePage() {
  const { t } = useTranslation("profile");
  const profile = useLiveQuery(getProfile, []);
  const [storage, setStorage] = useState<PersistenceState | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    requestPersistentStorage().then(setStorage, () => setStorage("unsupported"));
  }, []);
  return (
    <section className="page profile">
      <header className="log-header">
        <h1>{t("title")}</h1>
      </header>
      <AccountPanel />
      {/* Keyed by save time so a synced change from another device refills the form. */}
      {profile && <ProfileForm key={profile.updatedAt} profile={profile} onSaved={() => setSaved(true)} />}
      <p role="status" aria-label={t("saveStatus")}>
        {saved && t("saved")}
      </p>
      {storage && <p className="muted">{t(`storage.${storage}`)}</p>}
      <LanguagePicker />
      <p>
        {/* The performance dashboard lives here: it is for checking the app, not for training. */}
        <Link href="~/performance">{t("diagnostics")}</Link>
        <span className="muted"> {t("diagnosticsHint")}</span>
      </p>
      <p>
        <Link href="~/import">{t("import")}</Link>
        <span className="muted"> {t("importHint")}</span>
      </p>
    </section>
  );
}
