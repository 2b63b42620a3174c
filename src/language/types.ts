/** Shared types of the language checker. Plain data only; no behaviour. */

export const SEVERITIES = ['nudge', 'concern', 'escalate'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'gendered',
  'ableist',
  'racialised',
  'lgbtq',
  'age',
  'body',
  'mental-health',
  'condescending',
  'slur',
  'insult',
  'profanity',
  'custom',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How the last word of each phrase is inflected when the rule is compiled. */
export const INFLECTIONS = ['noun', 'verb', 'adjective', 'none'] as const;
export type Inflection = (typeof INFLECTIONS)[number];

/**
 * When a rule fires.
 * - `always`: wherever the phrase is used (not mentioned, not in code).
 * - `person`: only when aimed at a person ("you idiot", "you're so stupid", "he is a moron").
 * - `generic`: only after a generic person noun in the same sentence ("the user … he").
 */
export const TARGETS = ['always', 'person', 'generic'] as const;
export type Target = (typeof TARGETS)[number];

/** A rule as written in a rule pack (data). */
export interface RuleData {
  /** Stable id, `category.name` in kebab-case, e.g. `ableist.crazy`. */
  id: string;
  category: Category;
  severity: Severity;
  /** BCP 47 language tag of the phrases, e.g. `en`. */
  language: string;
  /** Phrases in their base form; words separated by single spaces. */
  phrases: string[];
  /** How to inflect the last word of each phrase (default `noun`). */
  inflect?: Inflection;
  /** Extra forms written out by hand (irregular plurals, spellings). */
  inflections?: string[];
  /** Concrete alternatives, best first. May be empty for slurs and insults. */
  suggestions: string[];
  /** One line, in our own words, about the impact on people. */
  explanation: string;
  /** Longer phrases that contain a phrase of this rule and are fine ("master's degree"). */
  exceptions?: string[];
  /** When the rule fires (default `always`). */
  target?: Target;
  /** Also match leetspeak, look-alike letters and stretched letters (slurs, severe terms). */
  obfuscation?: boolean;
}

/** A rule pack: a file of rules sharing defaults. */
export interface RulePack {
  language: string;
  rules: RuleData[];
}

/** One place a rule fired. Offsets and positions as in `Finding`. */
export interface Occurrence {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** Offsets into the checked text, in UTF-16 code units; `end` is exclusive. */
  start: number;
  end: number;
  /** 1-based line and column of `start`; column counts UTF-16 code units. */
  line: number;
  column: number;
  /** 1-based line and exclusive 1-based column of `end`. */
  endLine: number;
  endColumn: number;
  /** The text as written. */
  text: string;
  /** One line: what was found, why it matters and what to try instead. */
  message: string;
  explanation: string;
  suggestions: string[];
  /**
   * When the rule fired more than once in the text: the places, this one first (at most
   * 1,000; `count` has the total). A term repeated in one text is one finding (one nudge),
   * not one per use.
   */
  occurrences?: Occurrence[];
  /** With `occurrences`: how many times the rule fired (more than are listed past 1,000). */
  count?: number;
}

/** Per-community or per-file settings. Every field is optional. */
export interface CheckerConfig {
  /** Rule ids or categories to switch off. */
  disable?: string[];
  /** Words allowed everywhere (`"guys"`), or per rule (`{ "gendered.guys": ["guys"] }`). */
  allow?: string[] | Record<string, string[]>;
  /** Extra rules, same shape as rule-pack rules; `language` defaults to `en`. */
  rules?: RuleData[];
  /** Findings below this severity are dropped (default `nudge`). */
  minSeverity?: Severity;
  /** Profanity aimed at things ("this is crap"); off by default. */
  profanity?: boolean;
  /** Report words inside code identifiers such as `master_branch` (default false). */
  identifiers?: boolean;
  /**
   * Which language packs apply (`en`, `es`, `de`, `fr`, `pt`; default: all of them). Rules of
   * a language other than English fire only in messages detected as that language.
   */
  languages?: string[];
}

export interface CheckOptions {
  config?: CheckerConfig;
  /** Treat the text as Markdown: skip code spans and blocks (default true). */
  markdown?: boolean;
}
