/**
 * Configuration per community (an object) and per `.callinrc` file (JSON). Every problem is
 * reported with the file, line and column where it is.
 */
import { readFileSync } from 'node:fs';
import { JsonSyntaxError, parseJsonWithPositions, pointer } from './json-locate.ts';
import { PACK_LANGUAGES } from './detect.ts';
import { CATEGORIES, SEVERITIES } from './types.ts';
import type { CheckerConfig } from './types.ts';
import { formatPath, validateRule } from './validate-rule.ts';
import type { Problem } from './validate-rule.ts';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const KEYS = ['disable', 'allow', 'rules', 'minSeverity', 'profanity', 'identifiers', 'languages'];

/** Check a configuration object; returns every problem found (empty when valid). */
export function validateConfig(value: unknown, knownRuleIds: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ path: [], message: 'the configuration must be a JSON object' }];
  }
  const c = value as Record<string, unknown>;
  for (const k of Object.keys(c)) {
    if (!KEYS.includes(k))
      problems.push({ path: [k], message: `unknown setting "${k}" (known: ${KEYS.join(', ')})` });
  }
  const customIds = new Set<string>();
  if (c.rules !== undefined) {
    if (!Array.isArray(c.rules))
      problems.push({ path: ['rules'], message: 'must be a list of rules' });
    else {
      c.rules.forEach((r, i) => {
        if (validateRule(r, ['rules', i], problems, { language: 'en', category: 'custom' })) {
          if (knownRuleIds.has(r.id) || customIds.has(r.id)) {
            problems.push({
              path: ['rules', i, 'id'],
              message: `rule id "${r.id}" is already taken`,
            });
          }
          customIds.add(r.id);
        }
      });
    }
  }
  const isKnown = (s: string): boolean =>
    knownRuleIds.has(s) || customIds.has(s) || (CATEGORIES as readonly string[]).includes(s);
  if (c.disable !== undefined) {
    if (!Array.isArray(c.disable))
      problems.push({ path: ['disable'], message: 'must be a list of rule ids or categories' });
    else {
      c.disable.forEach((d, i) => {
        if (typeof d !== 'string' || !isKnown(d)) {
          problems.push({
            path: ['disable', i],
            message: `${JSON.stringify(d)} is not a rule id or a category`,
          });
        }
      });
    }
  }
  if (c.allow !== undefined) {
    if (Array.isArray(c.allow)) {
      c.allow.forEach((w, i) => {
        if (typeof w !== 'string' || w.trim() === '')
          problems.push({ path: ['allow', i], message: 'must be a word' });
      });
    } else if (typeof c.allow === 'object' && c.allow !== null) {
      for (const [id, words] of Object.entries(c.allow)) {
        if (!isKnown(id))
          problems.push({ path: ['allow', id], message: `"${id}" is not a rule id` });
        else if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) {
          problems.push({ path: ['allow', id], message: 'must be a list of words' });
        }
      }
    } else {
      problems.push({
        path: ['allow'],
        message: 'must be a list of words or an object of rule id → words',
      });
    }
  }
  if (c.minSeverity !== undefined && !(SEVERITIES as readonly unknown[]).includes(c.minSeverity)) {
    problems.push({ path: ['minSeverity'], message: `must be one of ${SEVERITIES.join(', ')}` });
  }
  if (c.languages !== undefined) {
    const known = PACK_LANGUAGES as readonly unknown[];
    if (!Array.isArray(c.languages))
      problems.push({
        path: ['languages'],
        message: `must be a list of ${PACK_LANGUAGES.join(', ')}`,
      });
    else {
      c.languages.forEach((l, i) => {
        if (!known.includes(l)) {
          problems.push({
            path: ['languages', i],
            message: `${JSON.stringify(l)} is not a language with a rule pack (${PACK_LANGUAGES.join(', ')})`,
          });
        }
      });
    }
  }
  for (const k of ['profanity', 'identifiers']) {
    if (c[k] !== undefined && typeof c[k] !== 'boolean')
      problems.push({ path: [k], message: 'must be true or false' });
  }
  return problems;
}

/** Parse and validate `.callinrc` text; throws ConfigError at the first problem. */
export function parseConfig(
  text: string,
  file: string,
  knownRuleIds: ReadonlySet<string>,
): CheckerConfig {
  let located;
  try {
    located = parseJsonWithPositions(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      throw new ConfigError(file, e.line, e.column, `invalid JSON: ${e.message}`);
    throw e;
  }
  const problems = validateConfig(located.value, knownRuleIds);
  const first = problems[0];
  if (first !== undefined) {
    // Unknown keys point at the key; everything else at the value.
    let path = first.path;
    let pos = located.positions.get(pointer(path) + '#key');
    if (!first.message.startsWith('unknown')) pos = undefined;
    while (pos === undefined) {
      pos = located.positions.get(pointer(path));
      if (pos === undefined) path = path.slice(0, -1);
      if (path.length === 0) pos ??= located.positions.get('') ?? { line: 1, column: 1 };
    }
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new ConfigError(
      file,
      pos.line,
      pos.column,
      `${formatPath(first.path)}: ${first.message}${more}`,
    );
  }
  return located.value as CheckerConfig;
}

/** Read a `.callinrc` file. */
export function loadConfigFile(file: string, knownRuleIds: ReadonlySet<string>): CheckerConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(
      file,
      1,
      1,
      `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseConfig(text, file, knownRuleIds);
}

/** Validate a community's configuration object; throws with every problem listed. */
export function assertConfig(value: unknown, knownRuleIds: ReadonlySet<string>): CheckerConfig {
  const problems = validateConfig(value, knownRuleIds);
  if (problems.length > 0) {
    throw new Error(
      `Invalid language configuration:\n${problems.map((p) => `  ${formatPath(p.path)}: ${p.message}`).join('\n')}`,
    );
  }
  return value as CheckerConfig;
}
