import fc, { type Arbitrary } from "fast-check";

/** A JSON Schema as the OpenAPI document gives it, after dereferencing. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** What attackers and careless clients send: injections, control and odd Unicode, sizes, paths. */
const nasty = [
  "' OR '1'='1",
  "1; DROP TABLE person; --",
  '" OR ""="',
  "1' AND SLEEP(5)--",
  "'; select pg_sleep(5); --",
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the attack
  "${jndi:ldap://x/a}",
  "{{7*7}}",
  "../../../../etc/passwd",
  "%00",
  "\u0000",
  "\uD800",
  "\uDFFF\uD800",
  "\u202Eevil",
  "葛\u{E0100}",
  "𠮷野家",
  "\uFEFF",
  "=cmd|' /C calc'!A0",
  "ｱｲｳ",
  "  ",
  "",
  "-1",
  "0",
  "1e309",
  "99999999999999999999999",
  "2026-02-30",
  "NaN",
  "null",
  "true",
  "[]",
  "{}",
];

export const nastyString: Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nasty) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom("あ".repeat(100_000), "x".repeat(1_000_000)) },
);

const nastyScalar: Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53 + 1, -(2 ** 63), 1e308, [], {}),
);

/**
 * Values shaped like the schema most of the time, so a request gets past the first check and into
 * the deeper ones, with a wrong type or a nasty value now and then at every level.
 */
export function arbitraryFor(schema: JsonSchema | undefined, depth = 0): Arbitrary<unknown> {
  if (!schema || depth > 4) return nastyScalar;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((s) => arbitraryFor(s, depth + 1)), nastyScalar);
  if (schema.allOf?.length) return arbitraryFor(Object.assign({}, ...schema.allOf), depth + 1);
  if (schema.enum?.length)
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...schema.enum) }, nastyScalar);
  if (schema.const !== undefined) return fc.oneof(fc.constant(schema.const), nastyScalar);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const shape = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, s]) => [k, arbitraryFor(s, depth + 1)]),
      );
      const record = fc.record(shape, { requiredKeys: [] });
      const withExtra = fc
        .tuple(record, nastyString, nastyScalar)
        .map(([r, k, v]) => ({ ...(r as object), [k.slice(0, 30)]: v }));
      return fc.oneof({ weight: 4, arbitrary: record }, { weight: 1, arbitrary: withExtra }, nastyScalar);
    }
    case "array":
      return fc.oneof(
        { weight: 3, arbitrary: fc.array(arbitraryFor(schema.items, depth + 1), { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.constant(Array.from({ length: 10_000 }, () => 1)) },
        nastyScalar,
      );
    case "integer":
    case "number":
      return fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, 1e308),
        nastyScalar,
      );
    case "boolean":
      return fc.oneof(fc.boolean(), nastyScalar);
    default:
      return nastyScalar;
  }
}
