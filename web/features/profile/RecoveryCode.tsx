import { useState } from "react";
import { useTranslation } from "../../i18n";

/** The one-time recovery code, shown once with a copy button and a plain warning. */
export function RecoveryCode(props: { code: string; onDone: () => void }) {
  const { t } = useTranslation("profile");
  const [copied, setCopied] = useState<"copied" | "copyFailed" | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(props.code).then(
      () => setCopied("copied"),
      () => setCopied("copyFailed"),
    );
  return (
    <section className="recovery" aria-label={t("recovery.label")} role="region">
      <h2>{t("recovery.title")}</h2>
      <p>
        <strong>{t("recovery.storeNow")}</strong> {t("recovery.explain")}
      </p>
      <output className="recovery-code" aria-label={t("recovery.value")}>
        {props.code}
      </output>
      <div className="row-gap">
        <button type="button" onClick={() => void copy()}>
          {t("recovery.copy")}
        </button>
        <button type="button" className="secondary" onClick={props.onDone}>
          {t("recovery.stored")}
        </button>
      </div>
      {copied && <p role="status">{t(`recovery.${copied}`)}</p>}
    </section>
  );
}
