import { ExerciseRefSchema } from "../schemas/workout";
import * as v from "valibot";
import { BUILT_IN_ALIASES } from "./aliases";

/** A library entry as the matcher needs it. */
export interface LibraryEntry {
  id: string;
  name: string;
}

/** What an imported exercise name becomes: a library exercise, its own exercise, or left out. */
export type ExerciseChoice = { kind: "library"; id: string } | { kind: "own" } | { kind: "skip" };

export const ExerciseChoiceSchema = v.variant("kind", [
  v.object({ kind: v.literal("library"), id: ExerciseRefSchema }),
  v.object({ kind: v.literal("own") }),
  v.object({ kind: v.literal("skip") }),
]);

/** Choices the person made before, by {@link nameKey} of the imported name. */
export const RememberedChoicesSchema = v.record(v.pipe(v.string(), v.maxLength(300)), ExerciseChoiceSchema);
export type RememberedChoices = v.InferOutput<typeof RememberedChoicesSchema>;

const STOP_WORDS = new Set(["a", "an", "the", "with", "on", "of", "and", "to"]);
const SYNONYMS: Record<string, string> = {
  db: "dumbbell",
  dumbbells: "dumbbell",
  bb: "barbell",
  kb: "kettlebell",
  kettlebells: "kettlebell",
  biceps: "bicep",
  triceps: "tricep",
  ohp: "overhead press",
  rdl: "romanian deadlift",
  ez: "ezbar",
};

/** Singular of a word the way exercise names pluralise ("curls", "raises", "lunges"). */
function singular(word: string): string {
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/**
 * The words of an exercise name, order-free: lower case, punctuation and filler words gone,
 * plurals and spellings unified ("Pull-Ups" and "Pullups" and "Pull Up" agree), so the equipment
 * in brackets ("Curl (Dumbbell)") meets the library's "Dumbbell Curl".
 */
export function nameTokens(name: string): string[] {
  const text = name
    .toLowerCase()
    .replace(/\b(pull|chin|push|sit)[\s-]*ups?\b/g, "$1up")
    .replace(/\be-?z[\s-]*(curl\s+)?bar\b/g, "ezbar")
    .replace(/[^a-z0-9]+/g, " ");
  const words = text
    .split(" ")
    .flatMap((w) => (SYNONYMS[w] ?? w).split(" "))
    .map(singular)
    .filter((w) => w !== "" && !STOP_WORDS.has(w));
  return [...new Set(words)].sort();
}

/** One stable key per name (see {@link nameTokens}): what matches and remembered choices use. */
export const nameKey = (name: string): string => nameTokens(name).join(" ");

/** Finds library exercises for imported names: exact (after {@link nameKey}), alias, remembered. */
export class ExerciseMatcher {
  private readonly byKey = new Map<string, string>();
  private readonly entries: { entry: LibraryEntry; tokens: Set<string> }[];
  private readonly ids: Set<string>;

  constructor(library: readonly LibraryEntry[]) {
    this.ids = new Set(library.map((e) => e.id));
    this.entries = library.map((entry) => ({ entry, tokens: new Set(nameTokens(entry.name)) }));
    for (const { entry } of this.entries) {
      const key = nameKey(entry.name);
      if (!this.byKey.has(key)) this.byKey.set(key, entry.id);
    }
    for (const [name, id] of Object.entries(BUILT_IN_ALIASES)) {
      if (this.ids.has(id)) this.byKey.set(nameKey(name), id);
    }
  }

  /** The library id for `name` without asking the person, or null. */
  match(name: string, remembered: RememberedChoices = {}): ExerciseChoice | null {
    const key = nameKey(name);
    const mine = remembered[key];
    if (mine && (mine.kind !== "library" || this.ids.has(mine.id))) return mine;
    const id = this.byKey.get(key);
    return id ? { kind: "library", id } : null;
  }

  /** Up to `limit` library exercises sharing the most words with `name`, best first. */
  suggest(name: string, limit = 5): LibraryEntry[] {
    const tokens = nameTokens(name);
    if (tokens.length === 0) return [];
    const scored: { entry: LibraryEntry; score: number }[] = [];
    for (const { entry, tokens: theirs } of this.entries) {
      let shared = 0;
      for (const t of tokens) if (theirs.has(t)) shared += 1;
      if (shared === 0) continue;
      // Shared words over all words (Jaccard): "Bench Press" prefers the plain press to a variant.
      scored.push({ entry, score: shared / (tokens.length + theirs.size - shared) });
    }
    scored.sort((a, b) => b.score - a.score || a.entry.name.localeCompare(b.entry.name));
    return scored.slice(0, limit).map((s) => s.entry);
  }
}

/**
 * The id an exercise kept under its own name gets: its name with underscores for spaces (the
 * library's own convention, so it reads back as the name), only characters ids allow.
 */
export function ownExerciseId(name: string): string {
  const id = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9_()'.,+\- ]/g, "")
    .trim()
    .replace(/\s+/g, "_")
    .slice(0, 100);
  return id === "" ? "Imported_exercise" : id;
}
