import { useState } from "react";
import { useTranslation } from "../../i18n";
import type { CustomFoodRow } from "../../db/records";
import { zeroNutrients } from "../../../shared/nutrition/nutrients";
import { messageOf } from "./labels";
import { saveCustomFood } from "./nutrition-store";

const NUTRIENT_FIELDS = ["energyKcal", "proteinG", "carbG", "fatG"] as const;
type Field = (typeof NUTRIENT_FIELDS)[number];

/** An empty box is "not given"; anything else must read as a number (the schema names what is wrong). */
const numberOrNaN = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** Creates a food of one's own: name, optional barcode, nutrients per 100 g or per portion. */
export function CustomFoodForm({
  barcode,
  onSaved,
}: {
  barcode?: string;
  onSaved: (food: CustomFoodRow) => void;
}) {
  const { t } = useTranslation("nutrition");
  const [name, setName] = useState("");
  const [code, setCode] = useState(barcode ?? "");
  const [perPortion, setPerPortion] = useState(false);
  const [portionLabel, setPortionLabel] = useState(() => t("customFood.defaultPortion"));
  const [portionGrams, setPortionGrams] = useState("");
  const [values, setValues] = useState<Record<Field, string>>({
    energyKcal: "",
    proteinG: "",
    carbG: "",
    fatG: "",
  });
  const [error, setError] = useState<string | null>(null);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const grams = numberOrNaN(portionGrams);
    const portion = portionGrams.trim() ? { label: portionLabel.trim(), grams } : null;
    const nutrients = { ...zeroNutrients(), fiberG: null, sugarG: null, saturatedFatG: null, sodiumMg: null };
    for (const key of NUTRIENT_FIELDS) nutrients[key] = numberOrNaN(values[key]);
    try {
      const food = await saveCustomFood({
        name,
        barcode: code.trim() || null,
        nutrients,
        portion,
        perPortion,
      });
      setError(null);
      onSaved(food);
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <form className="custom-food" aria-label={t("customFood.form")} onSubmit={(event) => void save(event)}>
      <h3>{t("customFood.title")}</h3>
      <label>
        {t("customFood.name")}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
      </label>
      <label>
        {t("customFood.barcode")}
        <input
          value={code}
          inputMode="numeric"
          onChange={(e) => setCode(e.target.value.replace(/\s/g, ""))}
        />
      </label>
      <div className="amount-row">
        <label>
          {t("customFood.portionName")}
          <input value={portionLabel} onChange={(e) => setPortionLabel(e.target.value)} maxLength={60} />
        </label>
        <label>
          {t("customFood.portionWeight")}
          <input
            type="number"
            min="0"
            step="any"
            value={portionGrams}
            onChange={(e) => setPortionGrams(e.target.value)}
          />
        </label>
      </div>
      <label>
        {t("customFood.valuesPer")}
        <select
          value={perPortion ? "portion" : "100g"}
          onChange={(e) => setPerPortion(e.target.value === "portion")}
        >
          <option value="100g">{t("customFood.per100g")}</option>
          <option value="portion">{t("customFood.perPortion")}</option>
        </select>
      </label>
      <div className="manual-targets">
        {NUTRIENT_FIELDS.map((key) => (
          <label key={key}>
            {t(`fields.${key}`)}
            <input
              type="number"
              step="any"
              value={values[key]}
              onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      {error && <p role="alert">{error}</p>}
      <button type="submit">{t("customFood.save")}</button>
    </form>
  );
}
