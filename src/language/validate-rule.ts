import { CATEGORIES, INFLECTIONS, SEVERITIES, TARGETS } from './types.ts';
import type { RuleData } from './types.ts';

/** One problem in rule or configuration data, at a path such as `rules[3].severity`. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const PHRASE_RE = /^[\p{L}\p{N}'*@$!]+(?: [\p{L}\p{N}'*@$!]+){0,7}$/u;
const KEYS = new Set([
  'id',
  'category',
  'severity',
  'language',
  'phrases',
  'inflect',
  'inflections',
  'suggestions',
  'explanation',
  'exceptions',
  'target',
  'obfuscation',
]);

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

function checkPhrases(
  v: unknown,
  key: string,
  path: (string | number)[],
  problems: Problem[],
  required: boolean,
): void {
  if (v === undefined && !required) return;
  if (!isStringArray(v)) {
    problems.push({ path: [...path, key], message: 'must be a list of strings' });
    return;
  }
  if (required && v.length === 0)
    problems.push({ path: [...path, key], message: 'must not be empty' });
  v.forEach((p, i) => {
    if (!PHRASE_RE.test(p) || p !== p.toLowerCase()) {
      problems.push({
        path: [...path, key, i],
        message: `"${p}" must be 1 to 8 lower-case words separated by single spaces`,
      });
    }
  });
}

/** Check one rule; problems are appended with paths under `path`. */
export function validateRule(
  value: unknown,
  path: (string | number)[],
  problems: Problem[],
  defaults: { language?: string; category?: string } = {},
): value is RuleData {
  const before = problems.length;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ path, message: 'must be an object' });
    return false;
  }
  const r = value as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    if (!KEYS.has(k)) problems.push({ path: [...path, k], message: `unknown property "${k}"` });
  }
  if (typeof r.id !== 'string' || !ID_RE.test(r.id)) {
    problems.push({
      path: [...path, 'id'],
      message: 'must be a kebab-case id like "custom.my-rule"',
    });
  }
  const category = r.category ?? defaults.category;
  if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category)) {
    problems.push({
      path: [...path, 'category'],
      message: `must be one of ${CATEGORIES.join(', ')}`,
    });
  }
  if (typeof r.severity !== 'string' || !(SEVERITIES as readonly string[]).includes(r.severity)) {
    problems.push({
      path: [...path, 'severity'],
      message: `must be one of ${SEVERITIES.join(', ')}`,
    });
  }
  const language = r.language ?? defaults.language;
  if (typeof language !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(language)) {
    problems.push({ path: [...path, 'language'], message: 'must be a language tag such as "en"' });
  }
  checkPhrases(r.phrases, 'phrases', path, problems, true);
  checkPhrases(r.inflections, 'inflections', path, problems, false);
  checkPhrases(r.exceptions, 'exceptions', path, problems, false);
  if (!isStringArray(r.suggestions)) {
    problems.push({ path: [...path, 'suggestions'], message: 'must be a list of strings' });
  }
  if (
    typeof r.explanation !== 'string' ||
    r.explanation.trim() === '' ||
    r.explanation.includes('\n')
  ) {
    problems.push({ path: [...path, 'explanation'], message: 'must be one line of text' });
  }
  if (r.inflect !== undefined && !(INFLECTIONS as readonly unknown[]).includes(r.inflect)) {
    problems.push({
      path: [...path, 'inflect'],
      message: `must be one of ${INFLECTIONS.join(', ')}`,
    });
  }
  if (r.target !== undefined && !(TARGETS as readonly unknown[]).includes(r.target)) {
    problems.push({ path: [...path, 'target'], message: `must be one of ${TARGETS.join(', ')}` });
  }
  if (r.obfuscation !== undefined && typeof r.obfuscation !== 'boolean') {
    problems.push({ path: [...path, 'obfuscation'], message: 'must be true or false' });
  }
  if (problems.length !== before) return false;
  if (r.language === undefined) r.language = language;
  if (r.category === undefined) r.category = category;
  return true;
}

export function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const p of path)
    out += typeof p === 'number' || / \(/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out || '(root)';
}

/** Validate a list of rules (a rule pack); throws with every problem when any is invalid. */
export function validateRules(rules: unknown[], source: string): RuleData[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  rules.forEach((r, i) => {
    const id = typeof r === 'object' && r !== null ? (r as { id?: unknown }).id : undefined;
    const at = typeof id === 'string' ? `${i} (${id})` : i;
    if (validateRule(r, [at], problems) && ids.has(r.id)) {
      problems.push({ path: [at, 'id'], message: `duplicate rule id "${r.id}"` });
    } else if (typeof r === 'object' && r !== null && 'id' in r) {
      ids.add(String(r.id));
    }
  });
  if (problems.length > 0) {
    const list = problems.map((p) => `  ${formatPath(p.path)}: ${p.message}`).join('\n');
    throw new Error(`Invalid rules in ${source}:\n${list}`);
  }
  return rules as RuleData[];
}
