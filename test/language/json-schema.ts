/**
 * A focused JSON Schema (draft-04) validator covering the keywords the SARIF 2.1.0 schema
 * uses: $ref (local), type, properties, required, additionalProperties, items, enum,
 * minItems, uniqueItems, minimum, maximum, pattern, format (uri, uri-reference, date-time),
 * anyOf and oneOf. Used only by tests, so no dependency is needed.
 */
type Schema = Record<string, unknown>;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

export function validateSchema(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    let node: unknown = root;
    for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
    return node as Schema;
  };
  const visit = (schema: Schema, v: unknown, at: string): void => {
    if (typeof schema.$ref === 'string') return visit(resolve(schema.$ref), v, at);
    const types =
      schema.type === undefined
        ? []
        : Array.isArray(schema.type)
          ? (schema.type as string[])
          : [schema.type as string];
    if (types.length > 0 && !types.some((t) => typeMatches(v, t))) {
      errors.push(`${at}: expected ${types.join('|')}, got ${typeOf(v)}`);
      return;
    }
    if (
      Array.isArray(schema.enum) &&
      !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))
    ) {
      errors.push(`${at}: ${JSON.stringify(v)} not in enum`);
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum)
        errors.push(`${at}: below minimum`);
      if (typeof schema.maximum === 'number' && v > schema.maximum)
        errors.push(`${at}: above maximum`);
    }
    if (typeof v === 'string') {
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(v))
        errors.push(`${at}: does not match pattern`);
      if (schema.format === 'uri' && !/^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/.test(v))
        errors.push(`${at}: not a URI`);
      if (schema.format === 'uri-reference' && /[\s<>"{}|\\^`]/.test(v))
        errors.push(`${at}: not a URI reference`);
      if (schema.format === 'date-time' && Number.isNaN(Date.parse(v)))
        errors.push(`${at}: not a date-time`);
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems)
        errors.push(`${at}: too few items`);
      if (
        schema.uniqueItems === true &&
        new Set(v.map((x) => JSON.stringify(x))).size !== v.length
      ) {
        errors.push(`${at}: items not unique`);
      }
      if (typeof schema.items === 'object' && schema.items !== null) {
        v.forEach((x, i) => visit(schema.items as Schema, x, `${at}[${i}]`));
      }
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const r of (schema.required ?? []) as string[])
        if (!(r in obj)) errors.push(`${at}: missing ${r}`);
      for (const [k, x] of Object.entries(obj)) {
        if (props[k] !== undefined) visit(props[k], x, `${at}.${k}`);
        else if (schema.additionalProperties === false)
          errors.push(`${at}: unexpected property ${k}`);
        else if (typeof schema.additionalProperties === 'object')
          visit(schema.additionalProperties as Schema, x, `${at}.${k}`);
      }
    }
    const branches = (key: 'anyOf' | 'oneOf'): number =>
      ((schema[key] ?? []) as Schema[]).filter((s) => {
        const before = errors.length;
        visit(s, v, at);
        const ok = errors.length === before;
        errors.length = before;
        return ok;
      }).length;
    if (Array.isArray(schema.anyOf) && branches('anyOf') === 0)
      errors.push(`${at}: matches none of anyOf`);
    if (Array.isArray(schema.oneOf) && branches('oneOf') !== 1)
      errors.push(`${at}: must match exactly one of oneOf`);
  };
  visit(root, value, '$');
  return errors;
}
