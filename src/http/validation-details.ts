// Turns the validator's errors into the API's field errors: { field, rule, limit?, in? }, built
// from each error's keyword and params (never from its English message).
import type { FieldError, FieldLocation, ValidationRule } from '../contract/errors.ts';
import { PLAIN_TEXT_FORMAT } from '../contract/schemas/primitives.ts';

/** The parts of an AJV error this reads. */
export interface ValidatorError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

const sameName: Partial<Record<string, ValidationRule>> = {
  required: 'required',
  type: 'type',
  enum: 'enum',
  const: 'enum',
  minLength: 'minLength',
  maxLength: 'maxLength',
  minItems: 'minItems',
  maxItems: 'maxItems',
  uniqueItems: 'uniqueItems',
  minimum: 'minimum',
  exclusiveMinimum: 'minimum',
  maximum: 'maximum',
  exclusiveMaximum: 'maximum',
  additionalProperties: 'additionalProperties',
};

const withLimit = new Set<ValidationRule>([
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
]);

function ruleOf(e: ValidatorError): ValidationRule {
  if (e.keyword === 'pattern') {
    const pattern = typeof e.params.pattern === 'string' ? e.params.pattern : '';
    if (pattern === '\\S') return 'notBlank';
    if (pattern.startsWith('^https?:')) return 'url';
    return 'pattern';
  }
  if (e.keyword === 'format') {
    const format = typeof e.params.format === 'string' ? e.params.format : '';
    if (format === 'email') return 'email';
    if (format === 'uri' || format === 'url') return 'url';
    if (format === PLAIN_TEXT_FORMAT) return 'plainText';
    return 'format';
  }
  return sameName[e.keyword] ?? 'type';
}

/** `/about/name` → `about.name`; a missing or unexpected property names itself. */
function fieldOf(e: ValidatorError): string {
  const parts = e.instancePath.split('/').slice(1);
  const property =
    e.keyword === 'required'
      ? e.params.missingProperty
      : e.keyword === 'additionalProperties'
        ? e.params.additionalProperty
        : undefined;
  if (typeof property === 'string') parts.push(property);
  return parts.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

/**
 * A union (`anyOf`) reports each branch's failure and then its own. A list of allowed values
 * becomes one `enum`; a branch that failed deeper inside the value is the one worth naming;
 * otherwise the value is of the wrong `type`.
 */
function collapseUnions(errors: readonly ValidatorError[]): ValidatorError[] {
  const out: ValidatorError[] = [];
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      out.push(e);
      continue;
    }
    const inside = (x: ValidatorError) => x.schemaPath.startsWith(`${e.schemaPath}/`);
    const branches = out.filter(inside);
    const kept = out.filter((x) => !inside(x));
    const deeper = branches.filter((b) => b.instancePath.length > e.instancePath.length);
    if (deeper.length > 0) kept.push(deeper[0]!);
    else if (branches.length > 0 && branches.every((b) => b.keyword === 'const'))
      kept.push({ ...e, keyword: 'const' });
    else kept.push({ ...e, keyword: 'type' });
    out.length = 0;
    out.push(...kept);
  }
  return out;
}

export function fieldErrorsFrom(
  errors: readonly ValidatorError[],
  location: string | undefined,
): FieldError[] {
  const where: FieldLocation =
    location === 'querystring' || location === 'params' ? location : 'body';
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of collapseUnions(errors)) {
    const rule = ruleOf(e);
    const field = fieldOf(e);
    const key = `${field}\u0000${rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const detail: FieldError = { field, rule, in: where };
    if (withLimit.has(rule) && typeof e.params.limit === 'number') detail.limit = e.params.limit;
    out.push(detail);
  }
  return out;
}
