import type { DailyTargets } from "../../../shared/nutrition/targets";
import { NUTRIENT_LABELS, type Nutrients } from "../../../shared/nutrition/nutrients";
import { formatKcal } from "./labels";

const SHOWN = ["energyKcal", "proteinG", "carbG", "fatG"] as const;

/** The day's energy and macros against the targets, as bars and numbers. */
export function DayTotals({ total, targets }: { total: Nutrients; targets: DailyTargets | null }) {
  return (
    <section className="day-totals" aria-label="Day totals">
      {SHOWN.map((key) => {
        const { label, unit } = NUTRIENT_LABELS[key];
        const eaten = total[key];
        const target = targets?.[key] ?? null;
        const shown = key === "energyKcal" ? formatKcal(eaten) : Math.round(eaten).toString();
        return (
          <div key={key} className="total" data-testid={`total-${key}`}>
            <span className="total-label">{label}</span>
            <strong>
              {shown}
              {target !== null ? ` / ${key === "energyKcal" ? formatKcal(target) : target}` : ""} {unit}
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
      {!targets && <p className="muted">Set targets below to see how the day compares.</p>}
    </section>
  );
}
