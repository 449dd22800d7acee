// The classic hostile values every route should survive: huge, deep, empty, wrong types, special
// numbers, lone surrogates, NUL, bidi marks, injection-looking text.
import fc from "fast-check";

/** Strings that break naive code: control and bidi characters, lone surrogates, patterns, sizes. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\u0000",
      "a\u0000b",
      "\uD800",
      "x\uDC00y",
      "\u202Eevil\u202C",
      "\u200F\u200E\u2066",
      "\uFEFF",
      "%",
      "_",
      "%_%",
      "\\",
      "'; DROP TABLE users; --",
      '" OR 1=1 --',
      "../../../etc/passwd",
      "<script>alert(1)</script>",
      "null",
      "NaN",
      "__proto__",
      "constructor",
      "中".repeat(64),
      "a".repeat(49),
      "_".repeat(25),
      "🏋️‍♀️".repeat(20),
      "\r\n\r\n",
    ),
  },
  { weight: 5, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  // Huge: past every length limit, and now and then past the body limits too.
  { weight: 1, arbitrary: fc.integer({ min: 65, max: 70_000 }).map((n) => "A".repeat(n)) },
);

/** Numbers at and past the edges; NaN and ±Infinity are written as bare JSON-breaking tokens by rawJson. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    -1,
    1e308,
    -1e308,
    5e-324,
    2 ** 53,
    2 ** 53 + 2,
    2 ** 31,
    1.5,
  ),
  fc.double(),
  fc.integer(),
);

/** Any value at all, in the wrong place: arrays for objects, objects for strings, deep nesting. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, false, [], {}, [[]], { "": null }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 50, max: 400 }).map((depth) => nest(depth)),
);

/** `depth` nested arrays around a number. */
export function nest(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Bodies that are not JSON, or barely: empty, truncated, deep, BOM-prefixed, huge. */
export const hostileRawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "}",
    "[",
    "null",
    "[]",
    "{}",
    '""',
    "0",
    "-0",
    "NaN",
    "Infinity",
    "1e309",
    '{"a":1,}',
  ),
  fc.constantFrom("\uFEFF{}", '{"__proto__":{"admin":true}}', '{"a":1,"a":2}', "{'single':'quotes'}"),
  fc.integer({ min: 100, max: 20_000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
  fc.integer({ min: 100, max: 5_000 }).map((n) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`),
  fc.integer({ min: 1, max: 400 }).map((kb) => `{"pad":"${"x".repeat(kb * 1024)}"}`),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** Content types, right and wrong. */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "text/plain",
  "text/html",
  "multipart/form-data; boundary=xyz",
  "application/x-www-form-urlencoded",
  "application/octet-stream",
  "application/json, text/plain",
  'application/jsonx; charset="',
  undefined,
);
