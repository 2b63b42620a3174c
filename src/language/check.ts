import { compileRules } from './compile.ts';
import type { Matcher } from './compile.ts';
import {
  inIdentifier,
  inReportedQuote,
  inSpans,
  isException,
  isMention,
  linkSpans,
} from './context.ts';
import { TextLanguages } from './detect.ts';
import { normaliseText } from './normalize.ts';
import { builtInRules } from './rules/index.ts';
import { scanText } from './scan.ts';
import type { RawMatch } from './scan.ts';
import { afterGenericPerson, aimedAtPerson } from './target.ts';
import type { CheckOptions, CheckerConfig, Finding, Occurrence, RuleData } from './types.ts';

/**
 * Longest text checked at once, in UTF-16 code units (about 2 MB of text). Longer texts are
 * refused with a `TextTooLongError`; `checkLongText` checks them in parts.
 */
export const MAX_CHECK_TEXT = 2_000_000;

/** Occurrences listed in one finding at most; `count` says how many there were in all. */
export const MAX_OCCURRENCES = 1000;

export class TextTooLongError extends RangeError {
  constructor(readonly length: number) {
    super(
      `the text is ${length.toLocaleString('en-US')} characters long; the language checker reads at most ` +
        `${MAX_CHECK_TEXT.toLocaleString('en-US')} at once (use checkLongText to check it in parts)`,
    );
    this.name = 'TextTooLongError';
  }
}

/** A compiled checker for one configuration. Build once; `check` many messages. */
export interface Checker {
  readonly matcher: Matcher;
  check(text: string, options?: { markdown?: boolean }): Finding[];
}

/** Any mark that may open or close a quotation. */
const QUOTE_MARKS = /["'‘’“”«»„]/;

/** What the context checks read about one text, built on first use. */
class TextFacts {
  private spans: Int32Array | undefined;
  private langs: TextLanguages | undefined;
  private quotes: boolean | undefined;
  constructor(
    readonly text: string,
    private readonly m: Matcher,
  ) {}
  inLink(start: number, end: number): boolean {
    this.spans ??= linkSpans(this.text);
    return inSpans(this.spans, start, end);
  }
  /** Inside a quotation of what was said; only texts with a quotation mark pay for it. */
  inReportedQuote(start: number, end: number): boolean {
    this.quotes ??= QUOTE_MARKS.test(this.text);
    return this.quotes && inReportedQuote(this.text, start, end);
  }
  language(at: number): { language: string | undefined; sure: boolean } {
    this.langs ??= new TextLanguages(this.text, this.m.languages);
    return this.langs.at(at);
  }
}

/** A match kept after its context was checked, in the original text's offsets. */
type Hit = RawMatch;

function accepts(m: Matcher, facts: TextFacts, raw: RawMatch): boolean {
  const rule = m.rules[raw.phrase.rule]!;
  const text = facts.text;
  const { start, end } = raw;
  // The cheapest test that most often says no comes first.
  if (rule.target === 'person' && !aimedAtPerson(text, start, end)) return false;
  if (!m.identifiers && inIdentifier(text, start, end)) return false;
  if (facts.inLink(start, end)) return false;
  if (isMention(text, start, end, rule.rank === 0)) return false;
  if (facts.inReportedQuote(start, end)) return false;
  if (isException(text, start, end, rule.exceptions, raw.phrase.words)) return false;
  if (rule.target === 'generic' && !afterGenericPerson(text, start)) return false;
  if (rule.language !== 'en') return inLanguage(facts.language(start), rule.rank, rule.language);
  return true;
}

/**
 * Whether a rule of another language than English applies where the text reads as `found`.
 * Slurs, insults and threats (rank 1 and up) apply unless the text is surely English; nudges
 * only where the text is in their language (or, on a few words, in some language but English).
 */
function inLanguage(
  found: { language: string | undefined; sure: boolean },
  rank: number,
  language: string,
): boolean {
  const { language: lang, sure } = found;
  if (lang === language) return true;
  if (rank >= 1) return lang !== 'en' || !sure;
  return lang !== undefined && lang !== 'en' && !sure;
}

function message(rule: RuleData, found: string, count: number): string {
  const tries = rule.suggestions.slice(0, 3).map((s) => `"${s}"`);
  const tail = tries.length > 0 ? ` Consider ${tries.join(', ')}.` : '';
  const times = count > 1 ? ` (${count} times)` : '';
  return `"${found}"${times}: ${rule.explanation}${tail}`;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/**
 * Line and column of offsets asked in increasing order (occurrences are): a cursor that only
 * moves forward, so each position costs constant time on average; a binary search otherwise.
 */
class Positions {
  private line = 0;
  /** The last position asked for (fields, not a tuple: nothing is allocated per call). */
  lineNo = 1;
  column = 1;
  constructor(private readonly lines: number[]) {}
  at(offset: number): void {
    const lines = this.lines;
    if (offset < lines[this.line]!) this.line = this.search(offset);
    while (this.line + 1 < lines.length && lines[this.line + 1]! <= offset) this.line++;
    this.lineNo = this.line + 1;
    this.column = offset - lines[this.line]! + 1;
  }
  private search(offset: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

function occurrence(text: string, hit: Hit, pos: Positions): Occurrence {
  pos.at(hit.start);
  const line = pos.lineNo;
  const column = pos.column;
  pos.at(hit.end);
  return {
    start: hit.start,
    end: hit.end,
    line,
    column,
    endLine: pos.lineNo,
    endColumn: pos.column,
    text: text.slice(hit.start, hit.end),
  };
}

function toFinding(m: Matcher, text: string, hits: Hit[], lines: number[]): Finding {
  const rule = m.rules[hits[0]!.phrase.rule]!.data;
  const pos = new Positions(lines);
  const first = occurrence(text, hits[0]!, pos);
  const finding: Finding = {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    ...first,
    message: message(rule, first.text, hits.length),
    explanation: rule.explanation,
    suggestions: [...rule.suggestions],
  };
  if (hits.length > 1) {
    const all = new Positions(lines);
    const shown = hits.length > MAX_OCCURRENCES ? hits.slice(0, MAX_OCCURRENCES) : hits;
    finding.occurrences = shown.map((h) => occurrence(text, h, all));
    finding.count = hits.length;
  }
  return finding;
}

/** Keep one hit per overlapping region: the most severe, then the longest. */
function resolveOverlaps(m: Matcher, hits: Hit[], facts?: TextFacts): Hit[] {
  // The scan finds matches in order; only the normaliser's second pass can add others.
  let sorted = true;
  for (let i = 1; i < hits.length && sorted; i++) {
    const a = hits[i - 1]!;
    const b = hits[i]!;
    sorted = a.start < b.start || (a.start === b.start && a.end >= b.end);
  }
  if (!sorted) hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  for (const r of hits) {
    const last = kept[kept.length - 1];
    if (last === undefined || r.start >= last.end) {
      kept.push(r);
      continue;
    }
    const rank = m.rules[r.phrase.rule]!.rank;
    const lastRank = m.rules[last.phrase.rule]!.rank;
    if (rank > lastRank || (rank === lastRank && r.end - r.start > last.end - last.start)) {
      kept[kept.length - 1] = r;
    } else if (rank === lastRank && r.start === last.start && r.end === last.end && facts) {
      // The same word in two packs ("idiota" is Spanish and Portuguese): the text's language.
      const { language: here, sure } = facts.language(r.start);
      const lang = m.rules[r.phrase.rule]!.language;
      const lastLang = m.rules[last.phrase.rule]!.language;
      // On a few words detection is a guess: English, the default, keeps its own rule then.
      if (lang === here && lastLang !== here && (sure || lastLang !== 'en'))
        kept[kept.length - 1] = r;
    }
  }
  return kept;
}

/** Check one text with a compiled matcher. */
export function checkWithMatcher(m: Matcher, text: string, markdown = true): Finding[] {
  if (text.length > MAX_CHECK_TEXT) throw new TextTooLongError(text.length);
  const raws: RawMatch[] = [];
  const obfuscated = scanText(m, text, markdown, raws);
  // Most messages: nothing found and nothing to undo, so nothing more is built.
  if (raws.length === 0 && !obfuscated) return [];
  const hits: Hit[] = [];
  const facts = new TextFacts(text, m);
  for (const r of raws) if (accepts(m, facts, r)) hits.push(r);
  if (obfuscated) {
    // Letters spelled out, split by marks or written with letter-like symbols: read again.
    const norm = normaliseText(text);
    if (norm !== undefined) {
      const more: RawMatch[] = [];
      scanText(m, norm.text, markdown, more);
      const facts = new TextFacts(norm.text, m);
      for (const r of more) {
        if (!accepts(m, facts, r)) continue;
        r.end = norm.to[r.end - 1]!;
        r.start = norm.from[r.start]!;
        hits.push(r);
      }
    }
  }
  if (hits.length === 0) return [];
  const lines = lineStarts(text);
  // A rule that fired several times is one finding, with its occurrences, where it first fired.
  const byRule = new Map<number, Hit[]>();
  for (const h of resolveOverlaps(m, hits, facts)) {
    const list = byRule.get(h.phrase.rule);
    if (list === undefined) byRule.set(h.phrase.rule, [h]);
    else list.push(h);
  }
  return [...byRule.values()].map((list) => toFinding(m, text, list, lines));
}

/**
 * Check a text of any length: texts longer than MAX_CHECK_TEXT are checked in parts that end
 * at a line break where there is one, and the findings are given in the whole text's offsets
 * (a rule's occurrences are then grouped per part).
 */
export function checkLongText(checker: Checker, text: string, markdown = true): Finding[] {
  if (text.length <= MAX_CHECK_TEXT) return checker.check(text, { markdown });
  const out: Finding[] = [];
  let base = 0;
  let baseLine = 0;
  while (base < text.length) {
    let stop = Math.min(text.length, base + MAX_CHECK_TEXT);
    if (stop < text.length) {
      const nl = text.lastIndexOf('\n', stop - 1);
      if (nl > base) stop = nl + 1;
    }
    const part = text.slice(base, stop);
    const lineStart = text.lastIndexOf('\n', base - 1) + 1;
    const shift = <T extends Occurrence>(o: T): T => ({
      ...o,
      start: o.start + base,
      end: o.end + base,
      line: o.line + baseLine,
      endLine: o.endLine + baseLine,
      column: o.line === 1 ? o.column + base - lineStart : o.column,
      endColumn: o.endLine === 1 ? o.endColumn + base - lineStart : o.endColumn,
    });
    for (const f of checker.check(part, { markdown })) {
      const moved = shift(f);
      if (f.occurrences !== undefined) moved.occurrences = f.occurrences.map(shift);
      out.push(moved);
    }
    for (let i = part.indexOf('\n'); i >= 0; i = part.indexOf('\n', i + 1)) baseLine++;
    base = stop;
  }
  return out;
}

/** Compile a checker for a configuration (built-in rules plus the configuration's own). */
export function createChecker(
  config: CheckerConfig = {},
  rules: readonly RuleData[] = builtInRules,
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
