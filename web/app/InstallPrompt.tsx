import { useEffect, useState } from "react";
import { useTranslation } from "../i18n";
import { acceptInstallOffer, installOffer, needsIosHint, onInstallOffer } from "./install-offer";

const DISMISSED_KEY = "spotter:install-dismissed";
/** Looks like Safari's Share button, for those who see it. */
const SHARE_GLYPH = "⎋";

function wasDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === "1";
  } catch {
    return false;
  }
}

function isStandalone(): boolean {
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return iosStandalone || window.matchMedia?.("(display-mode: standalone)").matches === true;
}

/**
 * Offers to install the app where the browser offers it (Chromium's beforeinstallprompt), and on
 * iPhone and iPad says how (Safari has no prompt). "Not now" is remembered on this device.
 */
export function InstallPrompt() {
  const { t } = useTranslation("common");
  const [offered, setOffered] = useState(() => installOffer() !== null);
  const [dismissed, setDismissed] = useState(wasDismissed);
  useEffect(() => onInstallOffer(() => setOffered(installOffer() !== null)), []);
  const ios = needsIosHint(navigator.userAgent, isStandalone());
  if (dismissed || (!offered && !ios)) return null;
  const dismiss = () => {
    setDismissed(true);
    try {
      localStorage.setItem(DISMISSED_KEY, "1");
    } catch {
      // Refused storage: the offer comes back next visit, nothing else is lost.
    }
  };
  return (
    <aside className="install-prompt" aria-label={t("install.label")}>
      {offered ? (
        <>
          <span>{t("install.offer")}</span>
          <button type="button" onClick={() => void acceptInstallOffer()}>
            {t("install.install")}
          </button>
        </>
      ) : (
        <span>
          {t("install.iosBefore")} <span aria-hidden="true">{SHARE_GLYPH}</span> {t("install.iosAfter")}
        </span>
      )}
      <button type="button" className="secondary" onClick={dismiss}>
        {t("install.notNow")}
      </button>
    </aside>
  );
}
