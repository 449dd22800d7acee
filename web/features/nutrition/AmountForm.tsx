import { useState } from "react";
import { useTranslation } from "../../i18n";
import type { Meal } from "../../../shared/schemas/nutrition";
import { formatGrams, formatKcal } from "./labels";
import type { FoodChoice } from "./food-search-types";

/** What the amount form hands back: grams, and the portion when one was used. */
export interface ChosenAmount {
  grams: number;
  portion: { label: string; grams: number; count: number } | null;
}

interface Props {
  food: FoodChoice;
  meal: Meal;
  initial?: ChosenAmount;
  submitLabel?: string;
  onSubmit: (amount: ChosenAmount) => Promise<void>;
  onCancel: () => void;
}

/** Amount of a food in grams or in one of its household portions, with the energy it comes to. */
export function AmountForm({ food, meal, initial, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation("nutrition");
  const [unit, setUnit] = useState(initial?.portion ? initial.portion.label : "g");
  const [amount, setAmount] = useState(String(initial ? (initial.portion?.count ?? initial.grams) : 100));
  const [busy, setBusy] = useState(false);
  const portion = food.portions.find((p) => p.label === unit) ?? null;
  const value = Number(amount);
  const grams = portion ? value * portion.grams : value;
  const valid = amount.trim() !== "" && Number.isFinite(value) && value > 0;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setBusy(true);
    try {
      await onSubmit({ grams, portion: portion ? { ...portion, count: value } : null });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="amount-form" onSubmit={(event) => void submit(event)}>
      <strong>{food.name}</strong>
      <div className="amount-row">
        <label>
          {t("amount.amount")}
          <input
            type="number"
            inputMode="decimal"
            min="0"
            step="any"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            aria-invalid={!valid}
          />
        </label>
        <label>
          {t("amount.unit")}
          <select value={unit} onChange={(event) => setUnit(event.target.value)}>
            <option value="g">{t("amount.grams")}</option>
            {food.portions.map((p) => (
              <option key={p.label} value={p.label}>
                {t("amount.portionOption", { portion: p.label, grams: formatGrams(p.grams) })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted" data-testid="amount-preview">
        {valid
          ? t("amount.preview", {
              grams: formatGrams(Math.round(grams)),
              energy: formatKcal((food.per100g.energyKcal * grams) / 100),
            })
          : t("amount.invalid")}
      </p>
      <div className="amount-row">
        <button type="submit" disabled={!valid || busy}>
          {submitLabel ?? t("amount.addTo", { meal: t(`meals.${meal}`) })}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("amount.cancel")}
        </button>
      </div>
    </form>
  );
}
