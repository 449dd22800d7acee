import { useState } from "react";
import { useTranslation } from "../../i18n";
import type { SetSummary } from "../../../shared/form";
import { setSummaryText } from "../form-words/set-summary-text";

type Shared = "idle" | "shared" | "copied" | "shown";

/**
 * Shares the set as text through the system share sheet where there is one (phones); elsewhere
 * copies it, and when even that is refused shows it ready to select and copy by hand.
 */
export function ShareSet({ summary }: { summary: SetSummary }) {
  const { t } = useTranslation("train");
  const [shared, setShared] = useState<Shared>("idle");
  const text = setSummaryText(summary);
  const share = async () => {
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ title: t("share.title"), text });
        setShared("shared");
        return;
      } catch (error) {
        // Closing the share sheet is a choice, not a failure.
        if (error instanceof DOMException && error.name === "AbortError") return;
      }
    }
    try {
      await navigator.clipboard.writeText(text);
      setShared("copied");
    } catch {
      setShared("shown");
    }
  };
  return (
    <div className="train-share">
      <button type="button" className="secondary" onClick={() => void share()}>
        {t("share.share")}
      </button>
      <span role="status" className="muted">
        {shared === "copied" ? t("share.copied") : shared === "shared" ? t("share.shared") : ""}
      </span>
      {shared === "shown" && (
        <textarea readOnly value={text} aria-label={t("share.toCopy")} onFocus={(e) => e.target.select()} />
      )}
    </div>
  );
}
