import type { DailyTargets } from "../../../shared/nutrition/targets";
import type { Nutrients } from "../../../shared/nutrition/nutrients";
import { useTranslation } from "../../i18n";
import { formatGrams, formatKcal } from "./labels";
import { formatNumber } from "../../i18n/format";

const SHOWN = ["energyKcal", "proteinG", "carbG", "fatG"] as const;

/** The day's energy and macros against the targets, as bars and numbers. */
export function DayTotals({ total, targets }: { total: Nutrients; targets: DailyTargets | null }) {
  const { t } = useTranslation("nutrition");
  return (
    <section className="day-totals" aria-label={t("totals.label")}>
      {SHOWN.map((key) => {
        const eaten = total[key];
        const target = targets?.[key] ?? null;
        // The unit is written once, after the target: "250 / 2,200 kcal", "14 / 150 g".
        const amount = (value: number) =>
          key === "energyKcal" ? formatKcal(value) : formatGrams(Math.round(value));
        const bare = formatNumber(Math.round(eaten));
        return (
          <div key={key} className="total" data-testid={`total-${key}`}>
            <span className="total-label">{t(`nutrients.${key}`)}</span>
            <strong>
              {target !== null ? t("totals.against", { eaten: bare, target: amount(target) }) : amount(eaten)}
            </strong>
            {target !== null && (
              <progress
                className={`progress${eaten > target * 1.05 ? " over" : ""}`}
                max={target}
                value={Math.min(eaten, target)}
              />
            )}
          </div>
        );
      })}
      {!targets && <p className="muted">{t("totals.noTargets")}</p>}
    </section>
  );
}
