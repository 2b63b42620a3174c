/**
 * The single pass over a message. Words are folded and hashed as they are read, without
 * building strings; a bit filter rejects most words before a map look-up; phrases are matched
 * backwards from their last word over a small ring of recent words. Markdown code is skipped
 * in the same pass. Only matches allocate.
 */
import { BLOOM_MASK, pairBit } from './compile.ts';
import type { Matcher, PhraseEntry, WordEntry } from './compile.ts';
import {
  CHAR_CLASS,
  CHAR_INFO,
  C_IGNORE,
  F_CONFUSABLE,
  F_DIGIT,
  HASH_SEED,
  LEET_FOLD,
  classOf,
  classOfHigh,
  flagsHigh,
  foldHigh,
  foldOf,
} from './fold.ts';
import { skipInlineCode, skipLineStart } from './markdown.ts';
import { isLetterLikeHigh } from './normalize.ts';

/** A phrase found in the text, before context rules are applied. */
export interface RawMatch {
  phrase: PhraseEntry;
  start: number;
  end: number;
  /** Found through leetspeak or look-alike letters. */
  obfuscated: boolean;
}

const TABLE = CHAR_CLASS.length;
const F_LEETSYM = 16;
const RING = 16;
const RMASK = RING - 1;
const rHash = new Int32Array(RING);
const rStart = new Int32Array(RING);
const rHard = new Uint8Array(RING);
const rOdd = new Uint8Array(RING);
const rLeet = new Int32Array(RING);

/** Scanner state for the current call; one object, so hot code avoids module-binding checks. */
interface State {
  count: number;
  out: RawMatch[];
  matcher: Matcher;
  src: string;
  /** A sign of obfuscation the normaliser undoes (see normalize.ts) was seen. */
  obfuscated: boolean;
  /** Single-letter words in a row, one separator apart, and where the last one ended. */
  singles: number;
  singleEnd: number;
}
const EMPTY: Matcher = {
  rules: [],
  words: new Map(),
  bloom: new Uint8Array(0),
  pairs: new Uint8Array(0),
  leet: new Map(),
  identifiers: false,
  languages: [],
};
const st: State = {
  count: 0,
  out: [],
  matcher: EMPTY,
  src: '',
  obfuscated: false,
  singles: 0,
  singleEnd: -2,
};

function sameWord(src: string, start: number, end: number, word: string): boolean {
  let k = 0;
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i);
    const cls = classOf(c);
    if (cls === C_IGNORE) continue;
    if (k >= word.length || foldOf(c) !== word.charCodeAt(k)) return false;
    k++;
  }
  return k === word.length;
}

function matchPhrases(s: State, entry: WordEntry, start: number, end: number, odd: boolean): void {
  const rules = s.matcher.rules;
  const count = s.count;
  for (const p of entry.phrases) {
    const n = p.words.length;
    if (odd && !rules[p.rule]!.obfuscation) continue;
    if (n > count || n > RING) continue;
    let ok = true;
    for (let j = 1; j < n && ok; j++) {
      const slot = (count - 1 - j) & RMASK;
      const next = (count - j) & RMASK;
      if (rHard[next] !== 0) ok = false;
      else if (rOdd[slot] === 0) ok = rHash[slot] === p.hashes[n - 1 - j];
      else ok = p.leet?.[n - 1 - j]?.has(rLeet[slot]!) === true;
    }
    if (ok) {
      const first = n === 1 ? start : rStart[(count - n) & RMASK]!;
      s.out.push({ phrase: p, start: first, end, obfuscated: odd });
    }
  }
}

function leetLookup(s: State, start: number, end: number, slot: number): void {
  const src = s.src;
  let h = HASH_SEED;
  let prev = -1;
  let letters = 0;
  for (let i = start; i < end; i++) {
    const c0 = src.charCodeAt(i);
    if (classOf(c0) === C_IGNORE) continue;
    let c = foldOf(c0);
    if (c >= 0x61 && c <= 0x7a) letters++;
    if (c < 128) c = LEET_FOLD[c]!;
    if (c === 0x27) continue;
    if (c !== prev) h = Math.imul(h ^ c, 16777619);
    prev = c;
  }
  rLeet[slot] = h;
  if (letters < 1) return;
  let e = s.matcher.leet.get(h);
  while (e !== undefined) {
    const before = s.out.length;
    matchPhrases(s, e, start, end, true);
    if (s.out.length > before) return;
    e = e.next;
  }
}

function endWord(
  s: State,
  start: number,
  end: number,
  h: number,
  flags: number,
  hard: boolean,
  run: number,
): void {
  const slot = s.count & RMASK;
  const odd = (flags & (F_CONFUSABLE | F_LEETSYM)) !== 0;
  if (end - start === 1) {
    s.singles = start - s.singleEnd === 1 ? s.singles + 1 : 1;
    s.singleEnd = end;
    if (s.singles >= 3) s.obfuscated = true;
  }
  rHash[slot] = h;
  rStart[slot] = start;
  rHard[slot] = hard ? 1 : 0;
  rOdd[slot] = odd ? 1 : 0;
  s.count++;
  const b = h & BLOOM_MASK;
  const m = s.matcher;
  const prevSlot = (s.count - 2) & RMASK;
  // 0 = no previous word in this phrase; 1 = an obfuscated one, which the phrase check reads.
  const prevHash = hard || s.count < 2 ? 0 : rOdd[prevSlot] === 1 ? 1 : rHash[prevSlot]!;
  let look = (m.bloom[b >>> 3]! & (1 << (b & 7))) !== 0;
  if (!look && prevHash !== 0) {
    if (prevHash === 1) look = true;
    else {
      const q = pairBit(h, prevHash);
      look = (m.pairs[q >>> 3]! & (1 << (q & 7))) !== 0;
    }
  }
  if (look) {
    let e = m.words.get(h);
    while (e !== undefined) {
      if (!e.single && prevHash !== 1 && (prevHash === 0 || !e.prev.has(prevHash))) {
        e = e.next;
        continue;
      }
      if (sameWord(s.src, start, end, e.word)) {
        const before = s.out.length;
        matchPhrases(s, e, start, end, odd);
        if (s.out.length > before) return;
        break;
      }
      e = e.next;
    }
  }
  if (m.leet.size > 0 && (odd || run >= 2 || (flags & F_DIGIT) !== 0))
    leetLookup(s, start, end, slot);
}

/** Code units beyond the table: folded like the table, and letter-like astral blocks noted. */
function infoHigh(s: State, c: number): number {
  if (isLetterLikeHigh(c)) s.obfuscated = true;
  return classOfHigh(c) | (flagsHigh(c) << 8) | (foldHigh(c) << 16);
}

/**
 * Scan `text`, appending raw matches to `found`. Returns true when the text shows a sign of
 * obfuscation that the normaliser undoes (letter-like astral symbols, marks splitting a word,
 * spelled-out letters), so the caller scans the normalised text too.
 */
export function scanText(m: Matcher, text: string, markdown: boolean, found: RawMatch[]): boolean {
  const s = st;
  s.matcher = m;
  s.src = text;
  s.out = found;
  s.count = 0;
  s.obfuscated = false;
  s.singles = 0;
  s.singleEnd = -2;
  const len = text.length;
  // Local copies: module bindings cost a load and a check on every access in the hot loop.
  const INFO = CHAR_INFO;
  const SIZE = TABLE;
  const WORD = 1;
  const APOS = 3;
  const LEET = 4;
  const IGNORE = 2;
  const HARD = 8 << 8;
  let i = markdown ? skipLineStart(text, 0) : 0;
  let start = -1;
  let h = HASH_SEED;
  let flags = 0;
  let hard = true;
  let prev = -1;
  let run = 0;
  let maxRun = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    const info = c < SIZE ? INFO[c]! : infoHigh(s, c);
    const cls = info & 0xff;
    if (cls === WORD) {
      const f = info >>> 16;
      if (start < 0) {
        start = i;
        h = HASH_SEED;
        flags = 0;
        prev = -1;
        run = 0;
        maxRun = 0;
      }
      flags |= (info >>> 8) & 0xff;
      h = Math.imul(h ^ f, 16777619);
      if (f === prev) {
        if (++run > maxRun) maxRun = run;
      } else {
        run = 0;
        prev = f;
      }
      i++;
      continue;
    }
    if (cls === IGNORE) {
      i++;
      continue;
    }
    if (start >= 0 && (cls === APOS || cls === LEET) && i + 1 < len) {
      // A run of leet symbols inside a word ("a$$hole", "f**k") continues the word.
      let j = i + 1;
      if (cls === LEET) while (j < len && j - i < 4 && classOf(text.charCodeAt(j)) === LEET) j++;
      if (j < len && classOf(text.charCodeAt(j)) === WORD) {
        if (cls === APOS) {
          h = Math.imul(h ^ 0x27, 16777619);
        } else {
          for (let k = i; k < j; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
          flags |= F_LEETSYM;
          if (c === 0x2a) s.obfuscated = true;
        }
        prev = -1;
        i = j;
        continue;
      }
    }
    if ((c === 0x2a || c === 0x7e) && i + 1 < len && classOf(text.charCodeAt(i + 1)) === WORD)
      s.obfuscated = true;
    if (start >= 0) {
      endWord(s, start, i, h, flags, hard, maxRun);
      start = -1;
      hard = false;
    }
    if ((info & HARD) !== 0) hard = true;
    if (markdown) {
      if (c === 0x60) {
        i = skipInlineCode(text, i);
        hard = true;
        continue;
      }
      if (c === 0x0a) {
        i = skipLineStart(text, i + 1);
        continue;
      }
      if (c === 0x3c && text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        i = close < 0 ? len : close + 3;
        hard = true;
        continue;
      }
    }
    i++;
  }
  if (start >= 0) endWord(s, start, len, h, flags, hard, maxRun);
  s.matcher = EMPTY;
  s.src = '';
  s.out = [];
  return s.obfuscated;
}
