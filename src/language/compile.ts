import { foldWord, hashString, leetKey } from './fold.ts';
import { inflectPhrase } from './inflect.ts';
import { SEVERITIES } from './types.ts';
import type { CheckerConfig, RuleData, Severity, Target } from './types.ts';

/** One inflected phrase of a rule, indexed by its last word. */
export interface PhraseEntry {
  rule: number;
  words: string[];
  hashes: Int32Array;
  /** For rules that match obfuscated spellings: leetspeak key hashes of each word. */
  leet: Set<number>[] | undefined;
}

export interface WordEntry {
  word: string;
  phrases: PhraseEntry[];
  next: WordEntry | undefined;
  /** Some phrase is this word alone. */
  single: boolean;
  /** Hashes of the word before this one in the longer phrases: a quick no for most words. */
  prev: Set<number>;
}

export interface CompiledRule {
  data: RuleData;
  exceptions: string[][];
  target: Target;
  obfuscation: boolean;
  rank: number;
  /** BCP 47 language of the rule's phrases. */
  language: string;
}

/** Rules compiled for one configuration: build once, check many messages. */
export interface Matcher {
  rules: CompiledRule[];
  /** Folded word hash → words ending a phrase. */
  words: Map<number, WordEntry>;
  /** Bit filter over hashes of words that are a phrase alone, checked before the map. */
  bloom: Uint8Array;
  /**
   * Bit filter over (previous word, word) pairs that end a longer phrase: "the" is looked up
   * only after "manning", not after every word.
   */
  pairs: Uint8Array;
  /** Leetspeak key hash → words of rules that match obfuscated spellings. */
  leet: Map<number, WordEntry>;
  identifiers: boolean;
  /** Languages of the compiled rules: the candidates for per-message detection. */
  languages: string[];
}

export const BLOOM_MASK = 0x3ffff;

/** The filter bit of a (previous word, word) pair of hashes. */
export function pairBit(h: number, prev: number): number {
  return (Math.imul(h ^ Math.imul(prev, 0x9e3779b1), 0x85ebca6b) >>> 13) & BLOOM_MASK;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** Phrase keys already indexed under each word entry, so adding stays linear. */
const seen = new WeakMap<WordEntry, Set<string>>();

function addWord(map: Map<number, WordEntry>, word: string, phrase: PhraseEntry): void {
  const h = hashString(word);
  let e = map.get(h);
  while (e !== undefined && e.word !== word) e = e.next;
  if (e === undefined) {
    e = { word, phrases: [], next: map.get(h), single: false, prev: new Set() };
    map.set(h, e);
    seen.set(e, new Set());
  }
  const keys = seen.get(e)!;
  const key = `${phrase.rule}|${phrase.words.join(' ')}`;
  if (keys.has(key)) return;
  keys.add(key);
  e.phrases.push(phrase);
  if (phrase.words.length === 1) e.single = true;
  else e.prev.add(phrase.hashes[phrase.words.length - 2]!);
}

/** Longer phrases first in every entry, so the longest match is tried first. */
function sortEntries(map: Map<number, WordEntry>): void {
  for (const head of map.values()) {
    for (let e: WordEntry | undefined = head; e !== undefined; e = e.next)
      e.phrases.sort((a, b) => b.words.length - a.words.length);
  }
}

/**
 * Leetspeak keys of a word: the word itself, each vowel hidden (`f*ck`), all vowels hidden,
 * and any inner stretch of up to half the word censored by one or more `*` (`f**k`, `c**t`).
 */
function obfuscatedKeys(word: string, censored = true): string[] {
  const keys = new Set<string>([leetKey(word)]);
  const vowelsAt: number[] = [];
  for (let i = 0; i < word.length; i++) if ('aeiou'.includes(word[i] ?? '')) vowelsAt.push(i);
  for (const i of vowelsAt) keys.add(leetKey(word.slice(0, i) + '*' + word.slice(i + 1)));
  if (vowelsAt.length > 1) keys.add(leetKey(word.replace(/[aeiou]/g, '*')));
  const n = word.length;
  if (censored && n >= 4) {
    const most = Math.max(2, Math.floor(n / 2));
    for (let i = 1; i < n - 1; i++)
      for (let j = i + 1; j <= Math.min(n - 1, i + most); j++)
        keys.add(leetKey(word.slice(0, i) + '*' + word.slice(j)));
  }
  return [...keys];
}

/**
 * The word without its vowels after the first letter ("btch", "fck"), when that still says
 * the word: four letters or more alone, three or more inside a longer phrase.
 */
function skeleton(word: string, inPhrase: boolean): string | undefined {
  if (word.length < 4 || word.includes("'")) return undefined;
  const sk = word[0] + word.slice(1).replace(/[aeiou]/g, '');
  if (sk === word || sk.length < (inPhrase ? 3 : 4)) return undefined;
  return sk;
}

/** Forms of a phrase with one word written without its vowels. */
function skeletonForms(form: string): string[] {
  const words = form.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const sk = skeleton(words[i] ?? '', words.length > 1);
    if (sk !== undefined) out.push([...words.slice(0, i), sk, ...words.slice(i + 1)].join(' '));
  }
  return out;
}

function allowedWords(config: CheckerConfig, ruleId: string): Set<string> {
  const out = new Set<string>();
  const allow = config.allow;
  if (Array.isArray(allow)) for (const w of allow) out.add(foldWord(w.toLowerCase()));
  else if (allow !== undefined)
    for (const w of allow[ruleId] ?? []) out.add(foldWord(w.toLowerCase()));
  return out;
}

function isEnabled(rule: RuleData, config: CheckerConfig): boolean {
  const disabled = config.disable ?? [];
  if (disabled.includes(rule.id) || disabled.includes(rule.category)) return false;
  if (rule.category === 'profanity' && config.profanity !== true) return false;
  const min = severityRank(config.minSeverity ?? 'nudge');
  return severityRank(rule.severity) >= min;
}

/** Compile rules and a configuration into a matcher. Rules must already be validated. */
export function compileRules(rules: readonly RuleData[], config: CheckerConfig = {}): Matcher {
  const matcher: Matcher = {
    rules: [],
    words: new Map(),
    bloom: new Uint8Array((BLOOM_MASK + 1) >>> 3),
    pairs: new Uint8Array((BLOOM_MASK + 1) >>> 3),
    leet: new Map(),
    identifiers: config.identifiers === true,
    languages: [],
  };
  // Words recur across phrases ("you", "i will"): their leetspeak keys are computed once.
  const leetSets = new Map<string, Set<number>>();
  const leetSet = (w: string): Set<number> => {
    let set = leetSets.get(w);
    if (set === undefined) {
      set = new Set(obfuscatedKeys(w).map(hashString));
      leetSets.set(w, set);
    }
    return set;
  };
  const packs = config.languages;
  const builtIn = packs === undefined ? rules : rules.filter((r) => packs.includes(r.language));
  const languages = new Set<string>();
  for (const data of [...builtIn, ...(config.rules ?? [])]) {
    if (!isEnabled(data, config)) continue;
    languages.add(data.language);
    const index = matcher.rules.length;
    const obfuscation =
      data.obfuscation ??
      (data.severity === 'escalate' || (data.severity === 'concern' && data.target === 'person'));
    matcher.rules.push({
      data,
      exceptions: (data.exceptions ?? []).map((e) => e.split(' ').map(foldWord)),
      target: data.target ?? 'always',
      obfuscation,
      rank: severityRank(data.severity),
      language: data.language,
    });
    const allowed = allowedWords(config, data.id);
    const forms = new Set<string>();
    for (const p of data.phrases) {
      if (allowed.has(foldWord(p))) continue;
      for (const f of inflectPhrase(p, data.inflect ?? 'noun')) forms.add(f);
    }
    for (const f of data.inflections ?? []) forms.add(f);
    // Possessives of every short form ("retard's"), whatever the rule's inflection.
    for (const f of [...forms])
      if (!f.includes(' ') && !f.endsWith("'s") && !f.endsWith("s'")) forms.add(`${f}'s`);
    if (obfuscation)
      for (const f of [...forms])
        if (f.split(' ').length <= 3) for (const sk of skeletonForms(f)) forms.add(sk);
    const bases = new Set(data.phrases.map(foldWord));
    for (const form of forms) {
      const words = form.split(' ').map(foldWord);
      if (words.some((w) => w === '') || allowed.has(words.join(' '))) continue;
      const leet = obfuscation ? words.map(leetSet) : undefined;
      const phrase: PhraseEntry = {
        rule: index,
        words,
        hashes: Int32Array.from(words, hashString),
        leet,
      };
      const last = words[words.length - 1] ?? '';
      addWord(matcher.words, last, phrase);
      if (obfuscation && words.length === 1 && !last.includes("'")) {
        // Censored keys (`f**k`) for the phrases as written; their inflections get the rest.
        const censored = bases.has(last);
        for (const key of obfuscatedKeys(last, censored)) addWord(matcher.leet, key, phrase);
      }
    }
  }
  sortEntries(matcher.words);
  sortEntries(matcher.leet);
  for (const [h, head] of matcher.words) {
    for (let e: WordEntry | undefined = head; e !== undefined; e = e.next) {
      if (e.single) {
        const b = h & BLOOM_MASK;
        matcher.bloom[b >>> 3]! |= 1 << (b & 7);
      }
      for (const prev of e.prev) {
        const b = pairBit(h, prev);
        matcher.pairs[b >>> 3]! |= 1 << (b & 7);
      }
    }
  }
  matcher.languages = [...languages];
  // English is always a candidate, so a Spanish rule does not fire on English text.
  if (!languages.has('en')) matcher.languages.push('en');
  return matcher;
}
