import {
  wordReason,
  type Corrective,
  type PlanWords,
  type ReasonCode,
  type ReasonWords,
  type Wording,
} from "../../../shared/plans";
import { i18n } from "../../i18n";
import en from "../../i18n/locales/en/plan.json";
import { formatNumber, formatUnit, formatWeight } from "../../i18n/format";

/** A rest in the language on screen: whole minutes as minutes, else seconds. */
const restText = (restS: number) =>
  restS >= 60 && restS % 60 === 0 ? formatUnit(restS / 60, "minute") : formatUnit(restS, "second");

/** The plan engine's words by code, from the plan catalogue in the language on screen. */
export function planWords(words: PlanWords): string {
  const { restS, ...params } = words.params;
  const all = typeof restS === "number" ? { ...params, rest: restText(restS) } : params;
  return i18n.t(`plan:reasons.${words.code}`, all);
}

/** Why a corrective helps, by the fault it is for (the engine's English when the catalogue lacks it). */
export function correctiveWhy(corrective: Corrective): string {
  return corrective.faultId in en.correctives
    ? i18n.t(`plan:correctives.${corrective.faultId as keyof typeof en.correctives}`)
    : corrective.why;
}

const untypedT = i18n.t.bind(i18n) as unknown as (key: string, params: Record<string, string>) => string;

const PAGE_WORDING: Wording = {
  // Every code has words in every language (plan-words.test.ts), so the key is looked up untyped.
  fill: (code: ReasonCode, params) => untypedT(`plan:loadReasons.${code}`, params),
  load: ({ kg, units, signed }) => {
    const text = formatWeight(Math.abs(kg), units);
    if (!signed) return formatWeight(kg, units);
    return `${kg < 0 ? "−" : "+"}${text}`;
  },
  number: (value) => formatNumber(value),
};

/** The engine's words (why a load is what it is, what is wrong with a draft) in the language on screen. */
export const planText = (words: ReasonWords): string => wordReason(words, PAGE_WORDING);
