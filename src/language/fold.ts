/**
 * Character folding tables, built once at load time.
 *
 * Every UTF-16 code unit maps to a class (word character, separator, ignorable inside a word,
 * apostrophe, leetspeak symbol) and a folded lower-case code unit with diacritics removed.
 * Look-alike letters from Cyrillic and Greek fold to Latin but are flagged, so that only rules
 * that opt into obfuscation (slurs, severe terms) match words that use them.
 */

export const C_SEP = 0;
export const C_WORD = 1;
export const C_IGNORE = 2;
export const C_APOS = 3;
export const C_LEET = 4;

export const F_DIGIT = 1;
export const F_CONFUSABLE = 2;
export const F_UPPER = 4;
/** A separator that ends a phrase: sentence punctuation, brackets, quotes. */
export const F_HARD = 8;

const SIZE = 0x3000;
export const CHAR_CLASS = new Uint8Array(SIZE);
export const CHAR_FOLD = new Uint16Array(SIZE);
export const CHAR_FLAGS = new Uint8Array(SIZE);
/** Class, flags and fold packed in one entry for the scanner: class | flags << 8 | fold << 16. */
export const CHAR_INFO = new Uint32Array(SIZE);

/**
 * Cyrillic and Greek letters that pass for a Latin one, case by case (capital eta "Η" looks like
 * H, small eta "η" like n). The checker folds them (flagged as confusable); the protected-name
 * check (src/domain/conversation/protected-text.ts) maps them too, with a few Latin extras.
 */
export const SCRIPT_LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic capitals and small letters
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ү: 'Y',
  Ӏ: 'I',
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ү: 'y',
  // Greek capitals and small letters
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  // and two more small letters: Latin script g, Greek zeta
  ɡ: 'g',
  ζ: 'z',
};

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '+': 't',
};
/** Leetspeak folding for obfuscated words; `*` stays `*` (a hidden letter). */
export const LEET_FOLD = new Uint16Array(128);

const letterRe = /[\p{L}\p{N}]/u;
const markRe = /[\p{Mn}\p{Me}\p{Cf}]/u;

function addFlag(c: number, flag: number): void {
  CHAR_FLAGS[c] = (CHAR_FLAGS[c] ?? 0) | flag;
}

/** Small capitals without a compatibility decomposition: ᴀ ʙ ᴄ … */
const SMALL_CAPITALS: Record<number, string> = {
  0x1d00: 'a',
  0x0299: 'b',
  0x1d04: 'c',
  0x1d05: 'd',
  0x1d07: 'e',
  0xa730: 'f',
  0x0262: 'g',
  0x029c: 'h',
  0x026a: 'i',
  0x1d0a: 'j',
  0x1d0b: 'k',
  0x029f: 'l',
  0x1d0d: 'm',
  0x0274: 'n',
  0x1d0f: 'o',
  0x1d18: 'p',
  0x0280: 'r',
  0xa731: 's',
  0x1d1b: 't',
  0x1d1c: 'u',
  0x1d20: 'v',
  0x1d21: 'w',
  0x028f: 'y',
  0x1d22: 'z',
};

/**
 * A letter-like symbol that stands for one Latin letter: small capitals, circled and
 * parenthesised letters, superscripts, script and double-struck letters. Undefined otherwise.
 */
export function letterLike(c: number): string | undefined {
  const small = SMALL_CAPITALS[c];
  if (small !== undefined) return small;
  if (c < 0x80) return undefined;
  const k = String.fromCharCode(c).normalize('NFKC').toLowerCase().replace(/[()]/g, '');
  return /^[a-z]$/.test(k) ? k : undefined;
}

function build(): void {
  for (let c = 0; c < SIZE; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    const like = c >= 0x250 && !/[\u0300-\u036f]/.test(ch) ? letterLike(c) : undefined;
    if (like !== undefined) {
      CHAR_CLASS[c] = C_WORD;
      CHAR_FOLD[c] = like.charCodeAt(0);
      addFlag(c, F_CONFUSABLE);
    } else if (letterRe.test(ch)) {
      CHAR_CLASS[c] = C_WORD;
      const lower = ch.toLowerCase();
      const base = (lower.normalize('NFD')[0] ?? lower).toLowerCase();
      const conf = SCRIPT_LOOK_ALIKES[ch] ?? SCRIPT_LOOK_ALIKES[lower];
      if (conf !== undefined) {
        CHAR_FOLD[c] = conf.toLowerCase().charCodeAt(0);
        addFlag(c, F_CONFUSABLE);
      } else {
        CHAR_FOLD[c] = base.length === 1 ? base.charCodeAt(0) : c;
      }
      if (lower !== ch) addFlag(c, F_UPPER);
      if (/\p{N}/u.test(ch)) addFlag(c, F_DIGIT);
    } else if (markRe.test(ch) || c === 0x00ad) {
      CHAR_CLASS[c] = C_IGNORE;
    } else {
      CHAR_CLASS[c] = C_SEP;
      CHAR_FOLD[c] = c;
      if (!/[\s\-/&+]/.test(ch)) addFlag(c, F_HARD);
    }
  }
  // Apostrophes join words ("you're", "master's") when a letter follows.
  for (const c of [0x27, 0x2019, 0x02bc]) {
    CHAR_CLASS[c] = C_APOS;
    CHAR_FOLD[c] = 0x27;
    addFlag(c, F_HARD);
  }
  // Symbols that stand in for letters inside obfuscated words ("sh!t", "n1gg@").
  for (const s of ['@', '$', '!', '|', '*', '+']) {
    const c = s.charCodeAt(0);
    CHAR_CLASS[c] = C_LEET;
  }
  // The underscore joins identifiers such as master_branch; it is a separator that marks them.
  // Like `*` and `~` it does not end a phrase: Markdown emphasis wraps words ("a _cripple_").
  CHAR_CLASS[0x5f] = C_SEP;
  for (const c of [0x5f, 0x2a, 0x7e]) CHAR_FLAGS[c] = CHAR_FLAGS[c]! & ~F_HARD;
  for (let c = 0; c < 128; c++) LEET_FOLD[c] = CHAR_CLASS[c] === C_WORD ? CHAR_FOLD[c]! : c;
  for (let c = 0; c < SIZE; c++)
    CHAR_INFO[c] = CHAR_CLASS[c]! | (CHAR_FLAGS[c]! << 8) | (CHAR_FOLD[c]! << 16);
  for (const [k, v] of Object.entries(LEET)) LEET_FOLD[k.charCodeAt(0)] = v.charCodeAt(0);
}
build();

/** Fold a code unit beyond the table: full-width forms, variation selectors, surrogates. */
export function classOfHigh(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return CHAR_CLASS[c - 0xfee0]!;
  if (c >= 0xfe00 && c <= 0xfe0f) return C_IGNORE;
  if (c === 0xfeff) return C_IGNORE;
  if (c >= 0xd800 && c <= 0xdfff) return C_SEP;
  return C_WORD;
}

export function foldHigh(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return CHAR_FOLD[c - 0xfee0]!;
  if (c === 0xa730) return 0x66;
  if (c === 0xa731) return 0x73;
  return c;
}

export function flagsHigh(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return CHAR_FLAGS[c - 0xfee0]!;
  if (c === 0xa730 || c === 0xa731) return F_CONFUSABLE;
  return 0;
}

export function classOf(c: number): number {
  return c < SIZE ? CHAR_CLASS[c]! : classOfHigh(c);
}
export function foldOf(c: number): number {
  return c < SIZE ? CHAR_FOLD[c]! : foldHigh(c);
}
export function flagsOf(c: number): number {
  return c < SIZE ? CHAR_FLAGS[c]! : flagsHigh(c);
}

/** FNV-1a step over a folded code unit. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}
export const HASH_SEED = 0x811c9dc5 | 0;

/** Fold a word written in a rule the same way the scanner folds text. */
export function foldWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const cls = classOf(c);
    if (cls === C_WORD || cls === C_APOS) out += String.fromCharCode(foldOf(c));
  }
  return out;
}

export function hashString(folded: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < folded.length; i++) h = hashStep(h, folded.charCodeAt(i));
  return h;
}

/** Leetspeak key of a folded word: symbols and digits to letters, repeated letters squeezed. */
export function leetKey(folded: string): string {
  let out = '';
  let prev = -1;
  for (let i = 0; i < folded.length; i++) {
    let c = folded.charCodeAt(i);
    if (c < 128) c = LEET_FOLD[c]!;
    if (c === 0x27) continue;
    if (c !== prev) out += String.fromCharCode(c);
    prev = c;
  }
  return out;
}
