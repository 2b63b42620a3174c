// What the member reads must not name the people rule 3 protects (the reporter, the harmed
// person) unless they agreed, nor, when the harmed person said so, repeat the quotes and the
// narrative. One normaliser serves every check, so a name cannot slip past by its spelling:
//
// - NFKC (full-width letters, ligatures, mathematical letters, NBSP and other odd spaces);
// - invisible characters removed (zero-width space and joiners, soft hyphen, word joiner,
//   variation selectors, bidi controls: every default-ignorable code point);
// - combining marks stripped after NFD ("Rı́ta" reads as "rita");
// - Cyrillic, Greek and a few Latin look-alikes mapped to the Latin letter they pass for;
// - full case folding ("RITA", "ß" as "ss");
// - words are runs of letters and digits: any run of spaces, line breaks, punctuation or
//   hyphens between them counts as one boundary.
//
// A name is refused when its words appear together in any order ("Rita Reporter", "Reporter,
// Rita") and when any one part appears as a whole word on its own: the given name, the family
// name, each word of a handle or of an email's local part. A part must have at least
// MIN_PART_LENGTH letters to count alone (so "Al" or "Jo" is matched only as the whole name),
// and name particles ("van", "del", "bin") never count alone. Parts are whole words only, so a
// longer word that merely contains a part ("Ritalin", "reporters") is not refused. Letters
// spelled apart by punctuation ("Ri-ta", "R.i.t.a") or single letters with spaces ("R i t a")
// are read joined. Digits standing in for letters ("R1ta") are not undone: that would refuse
// too many ordinary numbers.

import { SCRIPT_LOOK_ALIKES } from '../../language/fold.ts';

/** The fewest letters a single part of a name needs to be protected on its own. */
export const MIN_PART_LENGTH = 3;
/** The shortest run of words shared with the quotes or narrative that counts as repeating them. */
export const SHARED_RUN_WORDS = 6;
/** A quote shorter than the run counts when repeated whole, once it has this many words. */
export const MIN_QUOTE_WORDS = 3;

const PARTICLES = new Set([
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'les',
  'los',
  'las',
  'bin',
  'ibn',
  'bint',
  'mac',
  'iii',
  'mrs',
  'prof',
  'the',
  'and',
  'dos',
  'das',
  'ben',
  'ter',
  'ten',
]);

/**
 * Look-alike letters, each mapped to the Latin letter it passes for, case by case: the Cyrillic
 * and Greek ones the language checker folds too (src/language/fold.ts), and Latin letters that
 * NFD does not take apart, and small capitals. The protected name and the text are folded
 * the same way, so a name really written with one of them ("Łukasz") still matches itself.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  ...SCRIPT_LOOK_ALIKES,
  // Latin letters that NFD does not take apart, and small capitals
  ı: 'i',
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  ŧ: 't',
  ɑ: 'a',
  ɩ: 'i',
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ʀ: 'r',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
};

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const SPACE = /\s/u;

/** One word of a text as normalised, and what stood between it and the word before. */
interface Word {
  text: string;
  /** The separator before it, as written (after NFKC and removing invisible characters). */
  gap: string;
}

function fold(word: string, mapLookAlikes: boolean): string {
  let out = '';
  for (const ch of word) out += (mapLookAlikes ? LOOK_ALIKES[ch] : undefined) ?? ch;
  // Full case folding: upper then lower turns "ß" into "ss" and a final sigma into a sigma.
  return out.toUpperCase().toLowerCase().normalize('NFD').replace(MARKS, '');
}

/** NFKC, invisible characters removed, marks stripped: the text the words are cut from. */
function prepare(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').normalize('NFD').replace(MARKS, '');
}

function wordsOf(text: string): Word[] {
  const prepared = prepare(text);
  const out: Word[] = [];
  let last = 0;
  for (const m of prepared.matchAll(WORD)) {
    out.push({ text: fold(m[0], true), gap: prepared.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  return out;
}

/** The normalised words of a text, joined by single spaces (for tests and the docs). */
export function normaliseForMatching(text: string): string {
  return wordsOf(text)
    .map((w) => w.text)
    .join(' ');
}

/**
 * Whether two neighbouring words may be pieces of one word spelled apart: a short gap of
 * punctuation with no space ("Ri-ta", "R.i.t.a", "Ri_ta"), or single letters with a short gap
 * ("R i t a").
 */
function joinable(before: Word, after: Word): boolean {
  if (after.gap.length > 2) return false;
  if (!SPACE.test(after.gap)) return true;
  return before.text.length === 1 && after.text.length === 1;
}

/** Every word of the text, and every run of pieces spelled apart, read joined. */
function readings(words: readonly Word[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    let joined = words[i]!.text;
    out.add(joined);
    for (let j = i + 1; j < words.length && joinable(words[j - 1]!, words[j]!); j++) {
      joined += words[j]!.text;
      if (joined.length > 64) break;
      out.add(joined);
    }
  }
  return out;
}

/** A protected name as the matcher holds it. */
interface NamePattern {
  name: string;
  /** The words of the whole name, each as the set of its spellings. */
  words: Set<string>[];
  /** Parts that count on their own: each as the set of its spellings. */
  parts: Set<string>[];
}

/**
 * The spellings of a name's word to look for: the word as written and in each case, with the
 * look-alike table applied to each (so "Νίκος" is found written "νίκος" too).
 */
function spellings(word: string): Set<string> {
  const variants = [word, word.toLowerCase(), word.toUpperCase()];
  const out = new Set<string>();
  for (const v of variants) out.add(fold(v, true));
  return out;
}

function nameWords(text: string): string[] {
  return [...prepare(text).matchAll(WORD)].map((m) => m[0]);
}

function patternOf(name: string, ownParts: ReadonlySet<string>): NamePattern | undefined {
  const trimmed = name.trim();
  const at = trimmed.lastIndexOf('@');
  const isEmail = at > 0 && !/\s/.test(trimmed);
  const all = nameWords(trimmed);
  if (all.join('').length < 2) return undefined;
  const partWords = isEmail ? nameWords(trimmed.slice(0, at)) : all;
  const parts: Set<string>[] = [];
  const addPart = (word: string) => {
    const s = spellings(word);
    const plain = fold(word, true);
    if (plain.length < MIN_PART_LENGTH || PARTICLES.has(plain)) return;
    // A part the member's own name shares ("Sam" when the member is Sam too) does not say who.
    if ([...s].some((x) => ownParts.has(x))) return;
    parts.push(s);
  };
  for (const w of partWords) addPart(w);
  // The parts written together: "RitaReporter", "ritareporter" as a handle.
  if (partWords.length > 1) addPart(partWords.join(''));
  // A one-word name of two letters is still found as the whole name.
  if (all.length === 1 && parts.length === 0 && !ownParts.has(fold(all[0]!, true)))
    parts.push(spellings(all[0]!));
  return { name, words: all.map(spellings), parts };
}

function hasAny(readingsOfText: ReadonlySet<string>, spellingsOfWord: ReadonlySet<string>) {
  for (const s of spellingsOfWord) if (readingsOfText.has(s)) return true;
  return false;
}

/** The whole name's words next to each other, in any order ("Reporter, Rita"). */
function hasAllTogether(words: readonly Word[], pattern: NamePattern): boolean {
  const k = pattern.words.length;
  if (k < 2) return false;
  for (let i = 0; i + k <= words.length; i++) {
    const left = [...pattern.words];
    for (let j = i; j < i + k; j++) {
      const found = left.findIndex((s) => s.has(words[j]!.text));
      if (found < 0) break;
      left.splice(found, 1);
    }
    if (left.length === 0) return true;
  }
  return false;
}

export interface NameMatcher {
  /** The protected names a text contains (as they were given), none when it is clean. */
  find(text: string): string[];
}

/**
 * A matcher for the protected names (display names, emails, handles, free-text names).
 * `ownNames` are the member's own names: a part they share says nothing about who.
 */
export function protectedNameMatcher(
  names: readonly string[],
  ownNames: readonly string[] = [],
): NameMatcher {
  const own = new Set<string>();
  for (const n of ownNames) for (const w of nameWords(n)) for (const s of spellings(w)) own.add(s);
  const patterns = names
    .map((n) => patternOf(n, own))
    .filter((p): p is NamePattern => p !== undefined);
  return {
    find(text) {
      if (patterns.length === 0) return [];
      const words = wordsOf(text);
      const seen = readings(words);
      return patterns
        .filter((p) => p.parts.some((s) => hasAny(seen, s)) || hasAllTogether(words, p))
        .map((p) => p.name);
    },
  };
}

/** Protected names that appear in a text. */
export function findProtectedNames(
  text: string,
  names: readonly string[],
  ownNames: readonly string[] = [],
): string[] {
  return protectedNameMatcher(names, ownNames).find(text);
}

/** What the harmed person asked not to be shared: the quotes and the narrative. */
export interface ProtectedPassages {
  quotes: readonly string[];
  narrative: readonly string[];
}

const runKey = (words: readonly string[], i: number, n: number) => words.slice(i, i + n).join(' ');

/**
 * Whether a text repeats the quotes or the narrative: a run of SHARED_RUN_WORDS normalised
 * words in common with either, or a quote of MIN_QUOTE_WORDS words or more repeated whole.
 * A word or two of a quote stays free: naming the word that hurt is how a call-in starts.
 */
export function sharesPassage(
  text: string,
  passages: ProtectedPassages,
): 'quote' | 'narrative' | null {
  const words = wordsOf(text).map((w) => w.text);
  if (words.length === 0) return null;
  const joined = ` ${words.join(' ')} `;
  for (const quote of passages.quotes) {
    const q = wordsOf(quote).map((w) => w.text);
    if (
      q.length >= MIN_QUOTE_WORDS &&
      q.length < SHARED_RUN_WORDS &&
      joined.includes(` ${q.join(' ')} `)
    )
      return 'quote';
  }
  if (words.length < SHARED_RUN_WORDS) return null;
  const runs = new Set<string>();
  for (let i = 0; i + SHARED_RUN_WORDS <= words.length; i++)
    runs.add(runKey(words, i, SHARED_RUN_WORDS));
  const overlaps = (source: string) => {
    const s = wordsOf(source).map((w) => w.text);
    for (let i = 0; i + SHARED_RUN_WORDS <= s.length; i++)
      if (runs.has(runKey(s, i, SHARED_RUN_WORDS))) return true;
    return false;
  };
  if (passages.quotes.some(overlaps)) return 'quote';
  if (passages.narrative.some(overlaps)) return 'narrative';
  return null;
}
