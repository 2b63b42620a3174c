/**
 * The normaliser for obfuscated text, run only when the scanner saw a sign of it (so plain
 * messages never pay for it). It undoes, in one pass, what the character table cannot:
 *
 * - letters outside the Basic Multilingual Plane that stand for Latin letters (mathematical
 *   bold, italic, script, fraktur, double-struck and monospace letters; squared, negative
 *   circled and negative squared letters; regional indicator letters);
 * - Markdown emphasis or censoring marks that split a word (`f*a*ggot`, `id~~i~~ot`);
 * - letters spelled out one at a time with spaces, dots, hyphens or underscores between them
 *   (`f a g`, `n.i.g.g.e.r`, `r-e-t-a-r-d`).
 *
 * It returns the new text and, for every code unit of it, where it came from, so findings
 * point at the text as written. (Letter-like symbols inside the Basic Multilingual Plane —
 * small capitals, circled letters, full-width forms — are folded by the character table.)
 */

export interface Normalised {
  text: string;
  /** For each code unit of `text`: the offset in the original of the character it came from. */
  from: Int32Array;
  /** For each code unit of `text`: the offset in the original just after that character. */
  to: Int32Array;
}

/** The Latin letter an astral code point stands for, or undefined. */
export function astralLetter(cp: number): string | undefined {
  if (cp >= 0x1d400 && cp <= 0x1d7ff) {
    const k = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    return /^[a-z0-9]$/.test(k) ? k : undefined;
  }
  if (cp >= 0x1f110 && cp <= 0x1f149) {
    const k = String.fromCodePoint(cp).normalize('NFKC').toLowerCase().replace(/[()]/g, '');
    return /^[a-z]$/.test(k) ? k : undefined;
  }
  const base = [0x1f150, 0x1f170, 0x1f1e6].find((b) => cp >= b && cp < b + 26);
  return base === undefined ? undefined : String.fromCharCode(0x61 + cp - base);
}

/** High surrogates of the blocks above: the scanner asks for normalising when it sees one. */
export function isLetterLikeHigh(c: number): boolean {
  return c === 0xd835 || c === 0xd83c;
}

/** Emphasis or strike-through marks around letters inside a word: `f*a*ggot`, `**f**aggot`. */
const SPLIT = /([*~_]{1,2})(\p{L}{1,40})\1/gu;
/** Three or more single letters with one separator between each: `f a g`, `n.i.g.g.e.r`. */
const SPELLED = /(?<![\p{L}\p{N}*])\p{L}(?:[ .\-_·•]\p{L}(?![\p{L}\p{N}*])){2,}/gu;
const LETTER = /\p{L}/u;

/** Undo astral letters, split words and spelled-out letters; undefined when nothing changed. */
export function normaliseText(text: string): Normalised | undefined {
  // Step 1: astral letters to ASCII (a code point may take two code units).
  let a = '';
  const aFrom: number[] = [];
  const aTo: number[] = [];
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLetterLikeHigh(c) && i + 1 < text.length) {
      const letter = astralLetter(text.codePointAt(i)!);
      if (letter !== undefined) {
        a += letter;
        aFrom.push(i);
        aTo.push(i + 2);
        i++;
        changed = true;
        continue;
      }
    }
    a += text[i];
    aFrom.push(i);
    aTo.push(i + 1);
  }
  // Step 2: mark split marks inside words and separators between spelled-out letters.
  const drop = new Uint8Array(a.length);
  for (const m of a.matchAll(SPLIT)) {
    const s = m.index;
    const e = s + m[0].length;
    const letterBefore = s > 0 && LETTER.test(a[s - 1] ?? '');
    const letterAfter = e < a.length && LETTER.test(a[e] ?? '');
    if (!letterBefore && !letterAfter) continue;
    const k = m[1]!.length;
    for (let j = 0; j < k; j++) {
      drop[s + j] = 1;
      drop[e - 1 - j] = 1;
    }
    changed = true;
  }
  for (const m of a.matchAll(SPELLED)) {
    let s = m.index;
    const e = s + m[0].length;
    // "a f a g": an article before the spelled word stays a word of its own.
    if (/^[aiu]$/i.test(a[s] ?? '') && e - s >= 7) s += 2;
    for (let j = s + 1; j < e; j += 2) drop[j] = 1;
    changed = true;
  }
  if (!changed) return undefined;
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (drop[i] === 1) continue;
    out += a[i];
    from.push(aFrom[i]!);
    to.push(aTo[i]!);
  }
  return { text: out, from: Int32Array.from(from), to: Int32Array.from(to) };
}
