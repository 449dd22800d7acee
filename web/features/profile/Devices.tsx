import { useEffect, useState } from "react";
import type { Device } from "../../../shared/schemas/user";
import { listDevices, revokeDevice } from "../../api/auth";

/** Devices signed in to the account, each revocable. */
export function Devices(props: { onRevokedSelf: () => void }) {
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    listDevices().then(setDevices, (err: unknown) =>
      setError(err instanceof Error ? err.message : String(err)),
    );
  useEffect(() => {
    void load();
  }, []);
  const revoke = async (device: Device) => {
    try {
      await revokeDevice(device.id);
      if (device.current) props.onRevokedSelf();
      else await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section aria-label="Devices">
      <h3>Signed-in devices</h3>
      {error && <p role="alert">{error}</p>}
      <ul className="devices">
        {(devices ?? []).map((d) => (
          <li key={d.id}>
            <span>
              {d.name}
              {d.current && " (this device)"}
              <span className="muted"> · last seen {new Date(d.lastSeenAt).toLocaleString()}</span>
            </span>
            <button type="button" className="secondary" onClick={() => void revoke(d)}>
              {d.current ? "Sign out this device" : "Revoke"}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
