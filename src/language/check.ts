import { compileRules } from './compile.ts';
import type { Matcher } from './compile.ts';
import { inIdentifier, inLinkOrMention, isException, isMention } from './context.ts';
import { englishRules } from './rules/index.ts';
import { scanText } from './scan.ts';
import type { RawMatch } from './scan.ts';
import { afterGenericPerson, aimedAtPerson } from './target.ts';
import type { CheckOptions, CheckerConfig, Finding, RuleData } from './types.ts';

/** A compiled checker for one configuration. Build once; `check` many messages. */
export interface Checker {
  readonly matcher: Matcher;
  check(text: string, options?: { markdown?: boolean }): Finding[];
}

function accepts(m: Matcher, text: string, raw: RawMatch): boolean {
  const rule = m.rules[raw.phrase.rule]!;
  const { start, end } = raw;
  // The cheapest test that most often says no comes first.
  if (rule.target === 'person' && !aimedAtPerson(text, start, end)) return false;
  if (!m.identifiers && inIdentifier(text, start, end)) return false;
  if (inLinkOrMention(text, start, end)) return false;
  if (isMention(text, start, end)) return false;
  if (isException(text, start, end, rule.exceptions)) return false;
  return rule.target !== 'generic' || afterGenericPerson(text, start);
}

function message(rule: RuleData, found: string): string {
  const tries = rule.suggestions.slice(0, 3).map((s) => `"${s}"`);
  const tail = tries.length > 0 ? ` Consider ${tries.join(', ')}.` : '';
  return `"${found}": ${rule.explanation}${tail}`;
}

function toFinding(m: Matcher, text: string, raw: RawMatch, lines: number[]): Finding {
  const rule = m.rules[raw.phrase.rule]!.data;
  const pos = (offset: number): [number, number] => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - lines[lo]! + 1];
  };
  const [line, column] = pos(raw.start);
  const [endLine, endColumn] = pos(raw.end);
  const found = text.slice(raw.start, raw.end);
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    start: raw.start,
    end: raw.end,
    line,
    column,
    endLine,
    endColumn,
    text: found,
    message: message(rule, found),
    explanation: rule.explanation,
    suggestions: [...rule.suggestions],
  };
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** Keep one finding per overlapping region: the most severe, then the longest. */
function resolveOverlaps(m: Matcher, raws: RawMatch[]): RawMatch[] {
  raws.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RawMatch[] = [];
  for (const r of raws) {
    const last = kept[kept.length - 1];
    if (last === undefined || r.start >= last.end) {
      kept.push(r);
      continue;
    }
    const rank = m.rules[r.phrase.rule]!.rank;
    const lastRank = m.rules[last.phrase.rule]!.rank;
    if (rank > lastRank || (rank === lastRank && r.end - r.start > last.end - last.start)) {
      kept[kept.length - 1] = r;
    }
  }
  return kept;
}

/** Check one text with a compiled matcher. */
export function checkWithMatcher(m: Matcher, text: string, markdown = true): Finding[] {
  const raws: RawMatch[] = [];
  scanText(m, text, markdown, raws);
  if (raws.length === 0) return [];
  const accepted = raws.filter((r) => accepts(m, text, r));
  if (accepted.length === 0) return [];
  const lines = lineStarts(text);
  return resolveOverlaps(m, accepted).map((r) => toFinding(m, text, r, lines));
}

/** Compile a checker for a configuration (built-in rules plus the configuration's own). */
export function createChecker(
  config: CheckerConfig = {},
  rules: readonly RuleData[] = englishRules,
): Checker {
  const matcher = compileRules(rules, config);
  return {
    matcher,
    check: (text, options = {}) => checkWithMatcher(matcher, text, options.markdown ?? true),
  };
}

const cache = new WeakMap<CheckerConfig, Checker>();
let defaultChecker: Checker | undefined;

/**
 * Check a text with the built-in rules and an optional configuration. Compiled checkers are
 * cached per configuration object, so pass the same object to reuse one.
 */
export function check(text: string, options: CheckOptions = {}): Finding[] {
  let checker: Checker;
  if (options.config === undefined) {
    defaultChecker ??= createChecker();
    checker = defaultChecker;
  } else {
    checker = cache.get(options.config) ?? createChecker(options.config);
    cache.set(options.config, checker);
  }
  return checker.check(text, { markdown: options.markdown ?? true });
}
