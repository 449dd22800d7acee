// fast-check arbitraries derived from the shared valibot schemas: mostly plausible values (so
// requests get past the first check and reach deeper code), salted with hostile ones.
import fc from "fast-check";
import type { GenericSchema } from "valibot";
import { hostileNumber, hostileString, wrongType } from "./hostile";

/** The parts of a valibot schema object this walker reads. */
interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  options?: readonly unknown[];
  item?: SchemaNode;
  wrapped?: SchemaNode;
  literal?: unknown;
  value?: SchemaNode;
  pipe?: readonly { type: string; requirement?: unknown }[];
}

const requirement = (node: SchemaNode, type: string) => node.pipe?.find((a) => a.type === type)?.requirement;

function stringArbitrary(node: SchemaNode): fc.Arbitrary<string> {
  const pattern = requirement(node, "regex");
  const maxLength = requirement(node, "max_length");
  const plausible: fc.Arbitrary<string>[] = [
    fc.string({ maxLength: typeof maxLength === "number" ? maxLength : 40 }),
  ];
  if (node.pipe?.some((a) => a.type === "uuid")) plausible.push(fc.uuid());
  if (pattern instanceof RegExp) {
    // fast-check refuses some flags; the pattern without them matches a subset, which is enough.
    const plain = pattern.flags === "" ? pattern : new RegExp(pattern.source);
    plausible.push(fc.stringMatching(plain).filter((s) => s.length < 2000));
  }
  return fc.oneof({ weight: 4, arbitrary: fc.oneof(...plausible) }, { weight: 1, arbitrary: hostileString });
}

function numberArbitrary(node: SchemaNode): fc.Arbitrary<number> {
  const min = requirement(node, "min_value");
  const max = requirement(node, "max_value");
  const lo = typeof min === "number" ? min : -1e6;
  const hi = typeof max === "number" ? max : 1e6;
  const integer = node.pipe?.some((a) => a.type === "integer" || a.type === "safe_integer");
  const inRange = integer
    ? fc.integer({ min: Math.ceil(Math.max(lo, -(2 ** 31))), max: Math.floor(Math.min(hi, 2 ** 31)) })
    : fc.double({ min: lo, max: hi, noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: hostileNumber });
}

/**
 * An arbitrary of values shaped like `schema` (objects with its fields, picklists from its
 * options), where any part may instead be a hostile or wrong-typed value.
 */
export function arbitraryFor(schema: GenericSchema, depth = 0): fc.Arbitrary<unknown> {
  const node = schema as unknown as SchemaNode;
  return fc.oneof({ weight: 9, arbitrary: shaped(node, depth) }, { weight: 1, arbitrary: wrongType });
}

function shaped(node: SchemaNode, depth: number): fc.Arbitrary<unknown> {
  const child = (n: SchemaNode | undefined) =>
    n && depth < 6 ? arbitraryFor(n as unknown as GenericSchema, depth + 1) : wrongType;
  switch (node.type) {
    case "string":
      return stringArbitrary(node);
    case "number":
      return numberArbitrary(node);
    case "boolean":
      return fc.boolean();
    case "literal":
      return fc.constant(node.literal);
    case "picklist":
    case "enum":
      return fc.constantFrom(...(node.options ?? [null]));
    case "object":
    case "strict_object":
    case "loose_object": {
      const entries = Object.fromEntries(Object.entries(node.entries ?? {}).map(([k, v]) => [k, child(v)]));
      const record = fc.record(entries, { requiredKeys: [] });
      const full = fc.record(entries);
      const extra = fc.tuple(full, hostileString, wrongType).map(([o, k, v]) => ({ ...o, [k]: v }));
      return fc.oneof(
        { weight: 5, arbitrary: full },
        { weight: 2, arbitrary: record },
        { weight: 1, arbitrary: extra },
      );
    }
    case "array":
      return fc.array(child(node.item), { maxLength: 6 });
    case "optional":
    case "nullable":
    case "nullish":
    case "exact_optional":
      return fc.oneof(child(node.wrapped), fc.constantFrom(undefined, null));
    case "variant":
    case "union":
      return fc.oneof(...(node.options ?? []).map((o) => child(o as SchemaNode)));
    case "record":
      return fc.dictionary(hostileString, child(node.value), { maxKeys: 6 });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
