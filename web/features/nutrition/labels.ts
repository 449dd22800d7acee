import { formatNumber, formatUnit } from "../../i18n/format";
import { i18n } from "../../i18n";
import { errorMessage } from "../../i18n/errors";
import { BarcodeReaderUnavailableError } from "./barcode-scan";

/** Grams as people read them, in the language on screen: whole grams from 10 g, one decimal below. */
export const formatGrams = (grams: number): string =>
  formatUnit(grams, "gram", { digits: grams >= 10 ? 0 : 1 });

/**
 * Energy in whole kcal. Intl has no kilocalorie unit (it is not one ECMA-402 sanctions), so the
 * number goes through Intl and the unit through the catalogue.
 */
export const formatKcal = (kcal: number): string =>
  i18n.t("nutrition:units.kcal", { value: formatNumber(Math.round(kcal)) });

/** A message for a failed action, in the words of the language on screen. */
export const messageOf = (err: unknown): string =>
  err instanceof BarcodeReaderUnavailableError
    ? i18n.t("nutrition:barcode.readerUnavailable")
    : errorMessage(err);
