import { describe, expect, it } from "vitest";
import { english } from "./resources";
import { LANGUAGES } from "./index";

// Every language has every namespace, every key English has and no other, the same {{variables}}
// in each string, and no empty text: a missing translation fails here, not on someone's screen.
const files = import.meta.glob<Record<string, unknown>>("./locales/*/*.json", {
  eager: true,
  import: "default",
});

type Flat = Map<string, string>;
function flatten(value: unknown, prefix = "", out: Flat = new Map()): Flat {
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, String(value));
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)/g)]
    .map((m) => m[1])
    .sort()
    .join(",");

describe("catalogue", () => {
  for (const lang of LANGUAGES) {
    for (const ns of Object.keys(english)) {
      it(`${lang}/${ns} has exactly English's keys, variables and no empty text`, () => {
        const en = flatten(english[ns as keyof typeof english]);
        const file = files[`./locales/${lang}/${ns}.json`];
        expect(file, `locales/${lang}/${ns}.json exists`).toBeDefined();
        const other = flatten(file);
        // Plural keys may differ in their forms by language; compare the base key.
        const base = (keys: Iterable<string>) =>
          [...new Set([...keys].map((k) => k.replace(PLURAL, "")))].sort();
        expect(base(other.keys())).toEqual(base(en.keys()));
        for (const [key, text] of other) {
          expect(text.trim(), `${lang}/${ns}:${key} is empty`).not.toBe("");
          const enText = en.get(key) ?? en.get(key.replace(PLURAL, "_other"));
          if (enText !== undefined) expect(variables(text), `${lang}/${ns}:${key}`).toBe(variables(enText));
        }
      });
    }
  }
});
