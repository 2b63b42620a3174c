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

/** Whether the text has a high surrogate of the letter-like astral blocks. */
function hasLetterLikeHigh(text: string): boolean {
  return text.indexOf('\ud835') >= 0 || text.indexOf('\ud83c') >= 0;
}

/**
 * Undo astral letters, split words and spelled-out letters; undefined when nothing changed.
 * Text without astral letters is not copied, and nothing is allocated until a change is
 * found: most texts that reach here (Markdown emphasis, "a b c" lists) change nothing.
 */
export function normaliseText(text: string): Normalised | undefined {
  // Step 1: astral letters to ASCII (a code point may take two code units).
  let a = text;
  let aFrom: Int32Array | undefined;
  let aTo: Int32Array | undefined;
  let changed = false;
  if (hasLetterLikeHigh(text)) {
    const parts: string[] = [];
    aFrom = new Int32Array(text.length);
    aTo = new Int32Array(text.length);
    let n = 0;
    let copied = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isLetterLikeHigh(c) && i + 1 < text.length) {
        const letter = astralLetter(text.codePointAt(i)!);
        if (letter !== undefined) {
          if (copied < i) parts.push(text.slice(copied, i));
          parts.push(letter);
          copied = i + 2;
          aFrom[n] = i;
          aTo[n++] = i + 2;
          i++;
          changed = true;
          continue;
        }
      }
      aFrom[n] = i;
      aTo[n++] = i + 1;
    }
    if (copied < text.length) parts.push(text.slice(copied));
    a = parts.join('');
  }
  // Step 2: mark split marks inside words and separators between spelled-out letters.
  let drop: Uint8Array | undefined;
  SPLIT.lastIndex = 0;
  for (let m = SPLIT.exec(a); m !== null; m = SPLIT.exec(a)) {
    const s = m.index;
    const e = s + m[0].length;
    const letterBefore = s > 0 && LETTER.test(a[s - 1] ?? '');
    const letterAfter = e < a.length && LETTER.test(a[e] ?? '');
    if (!letterBefore && !letterAfter) continue;
    drop ??= new Uint8Array(a.length);
    const k = m[1]!.length;
    for (let j = 0; j < k; j++) {
      drop[s + j] = 1;
      drop[e - 1 - j] = 1;
    }
    changed = true;
  }
  SPELLED.lastIndex = 0;
  for (let m = SPELLED.exec(a); m !== null; m = SPELLED.exec(a)) {
    let s = m.index;
    const e = s + m[0].length;
    // "a f a g": an article before the spelled word stays a word of its own.
    if (/^[aiu]$/i.test(a[s] ?? '') && e - s >= 7) s += 2;
    drop ??= new Uint8Array(a.length);
    for (let j = s + 1; j < e; j += 2) drop[j] = 1;
    changed = true;
  }
  if (!changed) return undefined;
  const parts: string[] = [];
  const from = new Int32Array(a.length);
  const to = new Int32Array(a.length);
  let n = 0;
  let kept = -1;
  for (let i = 0; i < a.length; i++) {
    if (drop !== undefined && drop[i] === 1) {
      if (kept >= 0) parts.push(a.slice(kept, i));
      kept = -1;
      continue;
    }
    if (kept < 0) kept = i;
    from[n] = aFrom === undefined ? i : aFrom[i]!;
    to[n++] = aTo === undefined ? i + 1 : aTo[i]!;
  }
  if (kept >= 0) parts.push(a.slice(kept));
  return { text: parts.join(''), from: from.subarray(0, n), to: to.subarray(0, n) };
}
