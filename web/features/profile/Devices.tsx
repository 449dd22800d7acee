import { useEffect, useState } from "react";
import type { Device } from "../../../shared/schemas/user";
import { listDevices, revokeDevice } from "../../api/auth";
import { useTranslation } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { formatDateTime } from "../../i18n/format";

/** Devices signed in to the account, each revocable. */
export function Devices(props: { onRevokedSelf: () => void }) {
  const { t } = useTranslation("profile");
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => listDevices().then(setDevices, (err: unknown) => setError(errorMessage(err)));
  useEffect(() => {
    void load();
  }, []);
  const revoke = async (device: Device) => {
    try {
      await revokeDevice(device.id);
      if (device.current) props.onRevokedSelf();
      else await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <section aria-label={t("devices.label")}>
      <h3>{t("devices.title")}</h3>
      {error && <p role="alert">{error}</p>}
      <ul className="devices">
        {(devices ?? []).map((d) => (
          <li key={d.id}>
            <span>
              {d.name}
              {d.current && ` ${t("devices.thisDevice")}`}
              <span className="muted"> {t("devices.lastSeen", { when: formatDateTime(d.lastSeenAt) })}</span>
            </span>
            <button type="button" className="secondary" onClick={() => void revoke(d)}>
              {d.current ? t("devices.signOutThis") : t("devices.revoke")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
