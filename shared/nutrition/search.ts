import { boundedEditDistance } from "./edit-distance";
import { searchTokens } from "./normalise";

/** Anything searchable by name: `search` is a {@link searchKey} (`head tokens|other tokens`). */
export interface Searchable {
  search: string;
}

/** One result: the item and how well it matched (higher is better). */
export interface SearchHit<T> {
  item: T;
  score: number;
}

/** Words of everyday, unprocessed foods: "egg" should offer a whole raw egg first. */
const COMMON_WORDS = new Set(["whole", "raw", "fresh", "plain", "regular"]);
/** Heads of niche groups that would otherwise crowd out everyday foods. */
const NICHE_WORDS = new Set(["babyfood", "infant", "fast", "restaurant", "formula", "school", "snack"]);

const EXACT = 1;
const PREFIX = 0.8;
const ONE_TYPO = 0.6;
const TWO_TYPOS = 0.45;

interface Prepared {
  head: string[];
  rest: string[];
  prior: number;
}

function prepare(search: string): Prepared {
  const [headText = "", restText = ""] = search.split("|");
  const head = headText.split(" ").filter(Boolean);
  const rest = restText.split(" ").filter(Boolean);
  let prior = -0.04 * (head.length + rest.length);
  for (const word of rest) if (COMMON_WORDS.has(word)) prior += 0.15;
  if (head.some((word) => NICHE_WORDS.has(word))) prior -= 0.8;
  return { head, rest, prior };
}

/** How well query token `q` matches vocabulary `term`, 0 for not at all. */
function termQuality(q: string, term: string): number {
  if (term === q) return EXACT;
  if (term.startsWith(q)) return PREFIX - 0.02 * Math.min(term.length - q.length, 10);
  if (q.length < 4) return 0;
  const maxTypos = q.length >= 7 ? 2 : 1;
  const distance = boundedEditDistance(q, term, maxTypos);
  if (distance > maxTypos) return 0;
  return distance === 1 ? ONE_TYPO : TWO_TYPOS;
}

/**
 * Search over food names that tolerates word order, plurals (stems), abbreviations (`whl`), a
 * word still being typed (prefixes) and small typos (one edit in words of 4+ letters, two in 7+).
 * Every query word must match some word of the name. Ranking favours matches in the head of the
 * name ("egg" → `Egg, whole…` before `Noodles, egg…`), names whose whole head was asked for,
 * shorter names and everyday words. Build once (a few ms for 8,790 foods), query per keystroke.
 */
export class FoodSearch<T extends Searchable> {
  private readonly prepared: Prepared[];
  /** Word → indices of items having it; index × 2 + 1 when the word is in the head. */
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly items: readonly T[]) {
    this.prepared = items.map((item) => prepare(item.search));
    this.prepared.forEach((p, index) => {
      // Only the first words of a long head say what the food is ("Sausage pork and beef with cheddar").
      for (const word of new Set(p.head.slice(0, 2))) this.post(word, index * 2 + 1);
      for (const word of new Set(p.head.slice(2)))
        if (!p.head.slice(0, 2).includes(word)) this.post(word, index * 2);
      for (const word of new Set(p.rest)) if (!p.head.includes(word)) this.post(word, index * 2);
    });
  }

  private post(word: string, entry: number): void {
    const list = this.postings.get(word);
    if (list) list.push(entry);
    else this.postings.set(word, [entry]);
  }

  /** The best `limit` matches for what the person typed, best first; empty for an empty query. */
  search(query: string, limit = 20): SearchHit<T>[] {
    const tokens = [...new Set(searchTokens(query))];
    if (tokens.length === 0) return [];
    const n = this.items.length;
    // Typed arrays over every item instead of maps: a one-letter query touches most of them.
    const total = new Float64Array(n);
    const matched = new Uint8Array(n);
    const best = new Float32Array(n);
    tokens.forEach((q, t) => {
      best.fill(0);
      this.scoreToken(q, best);
      for (let i = 0; i < n; i++) {
        const score = best[i]!;
        if (score > 0 && matched[i] === t) {
          total[i]! += score;
          matched[i] = t + 1;
        }
      }
    });
    const top: SearchHit<T>[] = [];
    for (let i = 0; i < n; i++) {
      if (matched[i] !== tokens.length) continue;
      const p = this.prepared[i]!;
      const wholeHead = p.head.every((word) => tokens.includes(word));
      const score = total[i]! + p.prior + (wholeHead ? 1.5 : 0);
      if (top.length === limit && score <= top[limit - 1]!.score) continue;
      insertRanked(top, { item: this.items[i]!, score }, limit);
    }
    return top;
  }

  /** Writes into `out` the best match of query token `q` per item (head matches count half again). */
  private scoreToken(q: string, out: Float32Array): void {
    for (const [term, entries] of this.postings) {
      if (Math.abs(term.length - q.length) > 2 && !term.startsWith(q)) continue;
      const quality = termQuality(q, term);
      if (quality === 0) continue;
      for (const entry of entries) {
        const index = entry >> 1;
        const score = entry & 1 ? quality * 1.5 : quality;
        if (score > out[index]!) out[index] = score;
      }
    }
  }
}

/** Inserts `hit` into `top` (sorted best first, ties to the shorter name), keeping at most `limit`. */
function insertRanked<T extends Searchable>(top: SearchHit<T>[], hit: SearchHit<T>, limit: number): void {
  let at = top.length;
  while (at > 0) {
    const above = top[at - 1]!;
    const better =
      hit.score > above.score ||
      (hit.score === above.score && hit.item.search.length < above.item.search.length);
    if (!better) break;
    at--;
  }
  top.splice(at, 0, hit);
  if (top.length > limit) top.pop();
}
