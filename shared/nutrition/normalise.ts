import { SR_ABBREVIATIONS } from "./sr-abbreviations";

const WORD = /[a-z0-9%]+(?:[-'][a-z0-9]+)*/g;

/** Expands SR abbreviations in a lower-case name, keeping its punctuation. */
function expand(lowerName: string): string {
  return lowerName.replace(/[a-z0-9]+/g, (word) => SR_ABBREVIATIONS[word] ?? word);
}

/**
 * A food name as people read it: SR abbreviations spelt out, lower case but for the first letter,
 * runs of spaces collapsed. `EGG, WHL, RAW, FRSH` → `Egg, whole, raw, fresh`.
 */
export function displayFoodName(srName: string): string {
  const text = expand(srName.toLowerCase()).replace(/\s+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The singular stem of an English word, close enough for search: "berries" → "berry",
 * "tomatoes" → "tomato", "eggs" → "egg". Words of three letters or fewer are left alone.
 */
export function stemWord(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|oes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower-case, abbreviation-expanded, stemmed words of a name or query, in order. */
export function searchTokens(text: string): string[] {
  const words = expand(text.toLowerCase()).match(WORD) ?? [];
  return words
    .flatMap((word) => word.split("-"))
    .filter(Boolean)
    .map(stemWord);
}

/**
 * A name normalised for search, as stored in the food index: the tokens of its head (the part
 * before the first comma, what the food is) then `|` then the rest (how it is prepared).
 * `EGG, WHL, RAW, FRSH` → `egg|whole raw fresh`.
 */
export function searchKey(name: string): string {
  const comma = name.indexOf(",");
  const head = comma < 0 ? name : name.slice(0, comma);
  const rest = comma < 0 ? "" : name.slice(comma + 1);
  return `${searchTokens(head).join(" ")}|${searchTokens(rest).join(" ")}`;
}
