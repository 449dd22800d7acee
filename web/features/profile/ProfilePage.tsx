import { useEffect, useState } from "react";
import { Link } from "wouter";
import { getProfile, requestPersistentStorage, useLiveQuery } from "../../db";
import type { PersistenceState } from "../../db/persistence";
import { LanguagePicker } from "../../i18n/LanguagePicker";
import { AccountPanel } from "./AccountPanel";
import { ProfileForm } from "./ProfileForm";
import "./profile.css";

const STORAGE_NOTE: Record<PersistenceState, string> = {
  persisted: "This browser keeps Spotter's data even when space runs low.",
  "best-effort": "This browser may clear Spotter's data if space runs low: sign in to keep a copy.",
  unsupported: "This browser does not say whether it keeps Spotter's data: sign in to keep a copy.",
};

export default function ProfilePage() {
  const profile = useLiveQuery(getProfile, []);
  const [storage, setStorage] = useState<PersistenceState | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    requestPersistentStorage().then(setStorage, () => setStorage("unsupported"));
  }, []);
  return (
    <section className="page profile">
      <header className="log-header">
        <h1>Profile</h1>
      </header>
      <AccountPanel />
      {/* Keyed by save time so a synced change from another device refills the form. */}
      {profile && <ProfileForm key={profile.updatedAt} profile={profile} onSaved={() => setSaved(true)} />}
      <p role="status" aria-label="Profile save status">
        {saved && "Profile saved on this device."}
      </p>
      {storage && <p className="muted">{STORAGE_NOTE[storage]}</p>}
      <LanguagePicker />
      <p>
        {/* The performance dashboard lives here: it is for checking the app, not for training. */}
        <Link href="~/performance">Diagnostics</Link>
        <span className="muted"> — how fast this device and the server are running</span>
      </p>
      <p>
        <Link href="~/import">Import and export</Link>
        <span className="muted"> — bring your history from Strong or Hevy, or take your data out</span>
      </p>
    </section>
  );
}
