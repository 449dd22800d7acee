import { currentLanguage, i18n } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { formatNumber, formatUnit } from "../../i18n/format";
import { BarcodeReaderUnavailableError } from "./barcode-scan";
import { NutritionInputError } from "./nutrition-writes";

/** Grams as people read them, in the language on screen: whole grams from 10 g, one decimal below. */
export const formatGrams = (grams: number): string =>
  formatUnit(grams, "gram", { digits: grams >= 10 ? 0 : 1 });

/**
 * Energy in whole kcal. Intl has no kilocalorie unit (it is not one ECMA-402 sanctions), so the
 * number goes through Intl and the unit through the catalogue.
 */
export const formatKcal = (kcal: number): string =>
  i18n.t("nutrition:units.kcal", { value: formatNumber(Math.round(kcal)) });

/** A refused nutrition write, worded by its code (English keeps the schema's more precise words). */
function refusalMessage(err: NutritionInputError): string {
  const t = i18n.getFixedT(currentLanguage(), "nutrition");
  const refusal = err.refusal;
  switch (refusal.reason) {
    case "invalid_field":
      return currentLanguage() === "en"
        ? err.message
        : t("errors.invalidField", { field: t(`errors.field.${refusal.field}`) });
    case "portion_needed":
      return t("errors.portionNeeded");
    case "recipe_empty":
      return t("errors.recipeEmpty");
    case "barcode_taken":
      return t("errors.barcodeTaken", { barcode: refusal.barcode, name: refusal.name });
  }
}

/** A message for a failed action, in the words of the language on screen. */
export function messageOf(err: unknown): string {
  if (err instanceof BarcodeReaderUnavailableError) return i18n.t("nutrition:barcode.readerUnavailable");
  if (err instanceof NutritionInputError) return refusalMessage(err);
  return errorMessage(err);
}
