import * as v from "valibot";
import { nameKey, RememberedChoicesSchema, type RememberedChoices } from "../../../shared/import";
import type { NameChoices } from "./import-types";

const STORAGE_KEY = "spotter.import.exercise-choices";

/** The person's earlier answers for imported names (validated; none when unreadable or refused). */
export function loadRememberedChoices(): RememberedChoices {
  try {
    const parsed = v.safeParse(
      RememberedChoicesSchema,
      JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}"),
    );
    return parsed.success ? parsed.output : {};
  } catch {
    return {};
  }
}

/**
 * Keeps the person's answers for next time, by the name's normalised words, so the next export of
 * the same app (or a differently spelt copy) needs no review. Returns false when the browser refused.
 */
export function rememberChoices(choices: NameChoices): boolean {
  const next = { ...loadRememberedChoices() };
  for (const [name, choice] of Object.entries(choices)) next[nameKey(name)] = choice;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    return true;
  } catch {
    return false;
  }
}
