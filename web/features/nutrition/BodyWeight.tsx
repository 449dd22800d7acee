import { useState } from "react";
import { useTranslation } from "../../i18n";
import { formatDate, formatUnit } from "../../i18n/format";
import type { MeasurementRow } from "../../db/records";
import { messageOf } from "./labels";
import { logBodyWeight } from "./nutrition-store";

/** Logs today's body weight (a body measurement, synced like the rest) and shows the latest. */
export function BodyWeight({ latest }: { latest: MeasurementRow | undefined }) {
  const { t } = useTranslation("nutrition");
  const [weight, setWeight] = useState("");
  const [status, setStatus] = useState<string | null>(null);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const kg = weight.trim() === "" ? Number.NaN : Number(weight);
      const row = await logBodyWeight(kg);
      setStatus(t("weight.logged", { weight: formatUnit(row.weightKg ?? kg, "kilogram") }));
      setWeight("");
    } catch (err) {
      setStatus(messageOf(err));
    }
  };

  return (
    <form
      className="amount-row body-weight"
      aria-label={t("weight.form")}
      onSubmit={(event) => void save(event)}
    >
      <label>
        {t("weight.label")}
        <input
          type="number"
          min="20"
          max="400"
          step="0.1"
          value={weight}
          onChange={(e) => setWeight(e.target.value)}
        />
      </label>
      <button type="submit">{t("weight.log")}</button>
      {latest?.weightKg != null && (
        <span className="muted">
          {t("weight.last", {
            weight: formatUnit(latest.weightKg, "kilogram"),
            date: formatDate(latest.measuredAt),
          })}
        </span>
      )}
      {status && <span role="status">{status}</span>}
    </form>
  );
}
