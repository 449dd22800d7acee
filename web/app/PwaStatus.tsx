import { useEffect, useState } from "react";
import { useRegisterSW } from "virtual:pwa-register/react";
import { isOfflineReady } from "../pwa/offline-readiness";
import { useTranslation } from "../i18n";

/** Offline readiness and the update prompt. An update waits for the user: never a surprise reload. */
export function PwaStatus() {
  const { t } = useTranslation("common");
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
        <span>{t("pwa.updateReady")}</span>
        <button type="button" onClick={() => void updateServiceWorker(true)}>
          {t("pwa.update")}
        </button>
        <button type="button" className="secondary" onClick={() => setNeedRefresh(false)}>
          {t("pwa.later")}
        </button>
      </div>
    );
  }
  return (
    <div className="pwa-status" role="status" data-offline-ready={ready || installedNow}>
      {ready || installedNow ? t("pwa.offlineReady") : t("pwa.preparing")}
    </div>
  );
}
