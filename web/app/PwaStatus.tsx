import { useEffect, useState } from "react";
import { useRegisterSW } from "virtual:pwa-register/react";
import { isOfflineReady } from "../pwa/offline-readiness";

/** Offline readiness and the update prompt. An update waits for the user: never a surprise reload. */
export function PwaStatus() {
  const {
    offlineReady: [installedNow],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError: (error: unknown) => console.error("Service worker registration failed", error),
  });
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const check = () => void isOfflineReady().then((ok) => !cancelled && setReady(ok));
    check();
    navigator.serviceWorker?.addEventListener("controllerchange", check);
    return () => {
      cancelled = true;
      navigator.serviceWorker?.removeEventListener("controllerchange", check);
    };
  }, [installedNow]);

  if (needRefresh) {
    return (
      <div className="pwa-status" role="status">
        <span>A new version is ready.</span>
        <button type="button" onClick={() => void updateServiceWorker(true)}>
          Update
        </button>
        <button type="button" className="secondary" onClick={() => setNeedRefresh(false)}>
          Later
        </button>
      </div>
    );
  }
  return (
    <div className="pwa-status" role="status" data-offline-ready={ready || installedNow}>
      {ready || installedNow ? "Ready to work offline" : "Preparing offline use…"}
    </div>
  );
}
