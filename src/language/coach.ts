/** Shared shape and helpers of the draft coach and the reply coach. */
import { check } from './check.ts';
import { inReportedQuote } from './context.ts';
import type { CheckerConfig, Finding } from './types.ts';

export interface CoachFinding {
  /** Stable id, e.g. `draft.absolutes`. */
  id: string;
  /** Offsets of the words concerned (`start === end` when about the whole text). */
  start: number;
  end: number;
  text: string;
  /** Why this tends to go badly. */
  why: string;
  /** A direction to try instead. */
  suggestion: string;
}

export interface CoachResult {
  findings: CoachFinding[];
  /** What the text already does well; never empty. */
  strengths: string[];
  /** Language-checker findings on the text itself. */
  language: Finding[];
}

export interface Pattern {
  id: string;
  re: RegExp;
  why: string;
  suggestion: string;
}

/**
 * Every match of every pattern, in text order, one finding per overlapping region. A match
 * inside a quotation of what was said ("when you wrote "you're such a jerk"") reports those
 * words rather than saying them, so it is left out.
 */
export function findPatterns(text: string, patterns: readonly Pattern[]): CoachFinding[] {
  const out: CoachFinding[] = [];
  for (const p of patterns) {
    const re = new RegExp(p.re.source, p.re.flags.includes('g') ? p.re.flags : p.re.flags + 'g');
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((f) => f.start < end && start < f.end)) continue;
      if (inReportedQuote(text, start, end)) continue;
      out.push({ id: p.id, start, end, text: m[0], why: p.why, suggestion: p.suggestion });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function wholeText(id: string, why: string, suggestion: string): CoachFinding {
  return { id, start: 0, end: 0, text: '', why, suggestion };
}

export function languageOf(text: string, config: CheckerConfig | undefined): Finding[] {
  return config === undefined ? check(text) : check(text, { config });
}
