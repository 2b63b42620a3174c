/**
 * Checks made only when a phrase was found (rarely), so they may read around it freely:
 * code identifiers, links and mentions, quoted mentions of a word, known exceptions,
 * and whether an insult is aimed at a person.
 */
import { C_APOS, C_IGNORE, C_WORD, classOf, foldOf } from './fold.ts';

const CLAUSE_END = new Set(['.', '!', '?', ';', ':', '\n', '(', ')', '[', ']', '{', '}', '"', ',']);
export const SENTENCE_END = new Set(['.', '!', '?', ';', '\n']);

function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const cls = classOf(text.charCodeAt(i));
  return cls === C_WORD || cls === C_IGNORE;
}

/**
 * The folded form of `text[a, b)`: a plain slice when every code unit is already a folded
 * lower-case ASCII letter, digit or apostrophe (nearly always), else folded one by one.
 */
function foldedWord(text: string, a: number, b: number): string {
  let plain = true;
  for (let i = a; i < b && plain; i++) {
    const c = text.charCodeAt(i);
    plain = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x27;
  }
  if (plain) return text.slice(a, b);
  let w = '';
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (classOf(c) !== C_IGNORE) w += String.fromCharCode(foldOf(c));
  }
  return w;
}

/**
 * Folded words before `pos`, nearest first, at most `max`; stops at sentence punctuation
 * when `stopAtBreak` is set.
 */
export function wordsBefore(
  text: string,
  pos: number,
  max: number,
  stopAtBreak: boolean,
  stops: ReadonlySet<string> = CLAUSE_END,
): string[] {
  const words: string[] = [];
  let i = pos - 1;
  while (i >= 0 && words.length < max) {
    while (i >= 0 && !isWordAt(text, i)) {
      if (stopAtBreak && stops.has(text[i] ?? '')) {
        const apos = classOf(text.charCodeAt(i)) === C_APOS;
        if (!apos) return words;
      }
      i--;
    }
    if (i < 0) break;
    const end = i + 1;
    while (
      i >= 0 &&
      (isWordAt(text, i) || (classOf(text.charCodeAt(i)) === C_APOS && isWordAt(text, i - 1)))
    )
      i--;
    words.push(foldedWord(text, i + 1, end));
  }
  return words;
}

/**
 * The folded word just before `pos` (across separators; '' at a clause break when
 * `stopAtBreak`), or '' at the start.
 */
export function wordBefore(text: string, pos: number, stopAtBreak = false): string {
  let i = pos - 1;
  while (i >= 0 && !isWordAt(text, i)) {
    if (stopAtBreak && CLAUSE_END.has(text[i] ?? '') && classOf(text.charCodeAt(i)) !== C_APOS)
      return '';
    i--;
  }
  const end = i + 1;
  while (
    i >= 0 &&
    (isWordAt(text, i) || (classOf(text.charCodeAt(i)) === C_APOS && isWordAt(text, i - 1)))
  )
    i--;
  // Most words are short ASCII: compare folded forms only for the few that could matter.
  if (end - i - 1 > 12) return '';
  return foldedWord(text, i + 1, end);
}

/** The folded word just after `pos` ('' at a clause break when `stopAtBreak`, or at the end). */
export function wordAfter(text: string, pos: number, stopAtBreak: boolean): string {
  let i = pos;
  while (i < text.length && !isWordAt(text, i)) {
    if (stopAtBreak && CLAUSE_END.has(text[i] ?? '') && classOf(text.charCodeAt(i)) !== C_APOS)
      return '';
    i++;
  }
  const start = i;
  while (
    i < text.length &&
    (isWordAt(text, i) || (classOf(text.charCodeAt(i)) === C_APOS && isWordAt(text, i + 1)))
  )
    i++;
  return foldedWord(text, start, i);
}

/** Folded words after `pos`, nearest first. */
export function wordsAfter(text: string, pos: number, max: number, stopAtBreak: boolean): string[] {
  const words: string[] = [];
  let i = pos;
  while (i < text.length && words.length < max) {
    while (i < text.length && !isWordAt(text, i)) {
      if (stopAtBreak && CLAUSE_END.has(text[i] ?? '') && classOf(text.charCodeAt(i)) !== C_APOS) {
        return words;
      }
      i++;
    }
    if (i >= text.length) break;
    const start = i;
    while (
      i < text.length &&
      (isWordAt(text, i) || (classOf(text.charCodeAt(i)) === C_APOS && isWordAt(text, i + 1)))
    )
      i++;
    words.push(foldedWord(text, start, i));
  }
  return words;
}

/** Words of `text` between `start` and `end`, folded. */
export function wordsIn(text: string, start: number, end: number): string[] {
  return wordsAfter(text.slice(0, end), start, 16, false);
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/**
 * Spans of `text` that are links, paths, e-mail addresses or @mentions, as sorted pairs
 * `[start, end, start, end, …]`, found in one pass. Link _text_ is prose and is read
 * (`[you idiot](https://…)`); only the target of a Markdown link is a span.
 */
export function linkSpans(text: string): Int32Array {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  // The next `](` at or after the current chunk, found once: each look-up starts past the last.
  let link = text.indexOf('](');
  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    const a = i;
    while (i < n && !isBlank(text.charCodeAt(i))) i++;
    const b = i;
    if (link >= 0 && link < a) link = text.indexOf('](', a);
    // A Markdown link target inside the chunk: `](target)`; the text before it is prose.
    let from = a;
    while (link >= 0 && link < b) {
      linkChunk(text, from, link, out);
      let stop = link + 2;
      while (stop < b && text[stop] !== ')') stop++;
      stop = Math.min(b, stop + 1);
      out.push(link + 2, stop);
      from = stop;
      link = text.indexOf('](', stop);
    }
    linkChunk(text, from, b, out);
  }
  return Int32Array.from(out);
}

/** One chunk of non-blank text [a, b), tested as one unit: a link, path or address goes to `out`. */
function linkChunk(text: string, a: number, b: number, out: number[]): void {
  if (a >= b) return;
  let k = a;
  while (k < b && (text[k] === '(' || text[k] === '<' || text[k] === '[')) k++;
  let slashes = 0;
  let at = -1;
  let scheme = false;
  for (let j = k; j < b; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x2f || c === 0x5c) {
      slashes++;
      if (c === 0x2f && j >= k + 1 && text[j - 1] === ':' && text[j + 1] === '/') scheme = true;
    } else if (c === 0x40 && at < 0) at = j;
  }
  const first = text[k];
  const pathStart =
    first === '/' ||
    first === '\\' ||
    ((first === '~' || first === '.') && /^(~|\.{1,2})[/\\]/.test(text.slice(k, k + 3)));
  if (scheme || /^www\./i.test(text.slice(k, k + 4)) || slashes >= 2 || pathStart) {
    out.push(a, b);
  } else if (at >= 0) out.push(at, b);
}

/** Whether [start, end) overlaps one of the sorted spans (binary search). */
export function inSpans(spans: Int32Array, start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length / 2;
  // First span whose end is after `start`.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[2 * mid + 1]! <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length / 2 && spans[2 * lo]! < end;
}

/** Inside a link, a path, an e-mail address or an @mention (builds the spans each call). */
export function inLinkOrMention(text: string, start: number, end: number): boolean {
  return inSpans(linkSpans(text), start, end);
}

/** Part of a code identifier: snake_case, camelCase, dotted names, calls, assignments. */
export function inIdentifier(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  // snake_case joins words; `_word_` and `__word__` around a word are Markdown emphasis.
  let b = start - 1;
  while (text[b] === '_') b--;
  if (b < start - 1 && isWordAt(text, b)) return true;
  let a = end;
  while (text[a] === '_') a++;
  if (a > end && isWordAt(text, a)) return true;
  // A phrase read across snake_case ("master_node") is one identifier.
  for (let i = start + 1; i < end - 1; i++)
    if (text[i] === '_' && isWordAt(text, i - 1) && isWordAt(text, i + 1)) return true;
  if ((before === '.' || before === '$' || before === '#') && isWordAt(text, start - 2))
    return true;
  // `#word` alone is a hashtag, read as text; `$word` and `=word` are code.
  if (before === '$' || before === '=') return true;
  if (before === ':' && text[start - 2] === ':') return true;
  if (after === '.' && isWordAt(text, end + 1)) return true;
  if (after === '(' || after === '=' || (after === ':' && text[end + 1] === ':')) return true;
  if (after === '-' && text[end + 1] === '>') return true;
  return isCamelCase(text, start, end);
}

/**
 * camelCase (`isDumbTerminal`), but not alternating case (`ReTaRd`, `sTuPiD`): alternating case
 * changes case at least twice with no lower-case run longer than two letters.
 */
function isCamelCase(text: string, start: number, end: number): boolean {
  let humps = 0;
  let run = 0;
  let longest = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const lower = c >= 0x61 && c <= 0x7a;
    if (lower) longest = Math.max(longest, ++run);
    else run = 0;
    const p = text.charCodeAt(i - 1);
    if (i > start && c >= 0x41 && c <= 0x5a && p >= 0x61 && p <= 0x7a) humps++;
  }
  if (humps === 0) return false;
  return !(humps >= 2 && longest <= 2);
}

const QUOTES_OPEN = new Set(['"', "'", '‘', '“', '«', '„']);
const QUOTES_CLOSE = new Set(['"', "'", '’', '”', '»', '“']);
const MENTION_NOUNS = new Set([
  'word',
  'words',
  'term',
  'terms',
  'phrase',
  'phrases',
  'expression',
  'slur',
  'saying',
]);

/** A mention of the word rather than a use: `the word "guys"`, `terms like 'master'`. */
export function isMention(text: string, start: number, end: number, shortQuotes = true): boolean {
  if (QUOTES_OPEN.has(text[start - 1] ?? '') && QUOTES_CLOSE.has(text[end] ?? '')) return true;
  if (shortQuotes && inShortQuote(text, start, end)) return true;
  // One word first: nearly always enough, and it keeps checks after a match cheap.
  const w0 = wordBefore(text, start);
  if (MENTION_NOUNS.has(w0)) return true;
  if (w0 !== 'like' && w0 !== 'including' && w0 !== 'as') return false;
  const before = wordsBefore(text, start, 3, false);
  // "terms like X", "words such as X", "phrases including X"
  if ((w0 === 'like' || w0 === 'including') && MENTION_NOUNS.has(before[1] ?? '')) return true;
  if (w0 === 'as' && before[1] === 'such' && MENTION_NOUNS.has(before[2] ?? '')) return true;
  return w0 === 'as' && MENTION_NOUNS.has(before[1] ?? '');
}

/** Verbs that report what was said or written, before a quotation of it. */
const REPORTING = new Set([
  'said',
  'saying',
  'wrote',
  'written',
  'writing',
  'called',
  'calling',
  'posted',
  'posting',
  'typed',
  'used',
  'using',
  'replied',
  'commented',
  'tweeted',
  'messaged',
  'asked',
  'answered',
]);
const QUOTE_REACH = 160;

/**
 * Inside a quotation of what was said, opened on the same line after a verb of saying a few
 * words back ("when you wrote "that idea is lame"", "I'm sorry I called your idea 'lame'"):
 * a report of the words, not the writer's own use of them. Unquoted words still count.
 */
export function inReportedQuote(text: string, start: number, end: number): boolean {
  const open = quoteOpening(text, start);
  if (open < 0 || !quoteCloses(text, end, text[open] ?? '')) return false;
  for (const w of wordsBefore(text, open, 4, true, SENTENCE_END)) if (REPORTING.has(w)) return true;
  return false;
}

const CLOSING_OF: Record<string, string> = {
  '"': '"',
  "'": "'",
  '‘': '’',
  '“': '”',
  '«': '»',
  '„': '“',
};

/** Where the quotation around `start` opens on its line, or -1. */
function quoteOpening(text: string, start: number): number {
  let straight = -1;
  let doubles = 0;
  for (let a = start - 1; a >= 0 && start - a <= QUOTE_REACH; a--) {
    const c = text[a] ?? '';
    if (c === '\n') break;
    if (c === '"') {
      doubles++;
      if (straight < 0) straight = a;
      continue;
    }
    if (c === '”' || c === '»') return -1;
    if (c === '“' || c === '«' || c === '„' || c === '‘') return a;
    // A single quote opens only before a word and after no letter ("don't" opens nothing).
    if (c === "'" && !isWordAt(text, a - 1) && isWordAt(text, a + 1) && straight < 0) return a;
    if ((c === "'" || c === '’') && !isWordAt(text, a + 1) && isWordAt(text, a - 1)) return -1;
  }
  // Straight double quotes: inside one when an odd number of them stand before on the line.
  return doubles % 2 === 1 ? straight : -1;
}

/** Whether the quotation opened by `mark` closes after `end` on the same line. */
function quoteCloses(text: string, end: number, mark: string): boolean {
  const close = CLOSING_OF[mark] ?? mark;
  for (let b = end; b < text.length && b - end <= QUOTE_REACH; b++) {
    const c = text[b] ?? '';
    if (c === '\n') return false;
    if (c !== close && !(close === "'" && c === '’')) continue;
    // An apostrophe inside a word ("they're") closes nothing.
    if ((c === "'" || c === '’') && isWordAt(text, b + 1)) continue;
    return true;
  }
  return false;
}

/**
 * Inside a short quotation of one or two words ('master/slave', "you guys"), opened and closed on
 * the same line within 40 characters: a word quoted, not used.
 */
function inShortQuote(text: string, start: number, end: number): boolean {
  let a = start - 1;
  while (a >= 0 && start - a <= 40 && !QUOTES_OPEN.has(text[a] ?? '')) {
    const c = text[a];
    if (c === '\n' || c === '.' || c === '!' || c === '?') return false;
    a--;
  }
  if (a < 0 || start - a > 40) return false;
  // An apostrophe after a letter ("don't") opens nothing.
  if (text[a] === "'" && isWordAt(text, a - 1)) return false;
  let b = end;
  while (b < text.length && b - end <= 40 && !QUOTES_CLOSE.has(text[b] ?? '')) {
    const c = text[b];
    if (c === '\n' || c === '.' || c === '!' || c === '?') return false;
    b++;
  }
  if (b >= text.length || b - end > 40) return false;
  if (text[b] === "'" && isWordAt(text, b + 1)) return false;
  const quoted = text.slice(a + 1, b);
  return quoted.trim().split(/\s+/).length <= 2;
}

const FORM_ENDINGS = new Set(['s', 'es', "'s", "s'", 'd', 'ed', 'ing']);

function sameForm(textWord: string, ruleWord: string): boolean {
  if (textWord === ruleWord) return true;
  const extra = textWord.length - ruleWord.length;
  if (extra < 1 || extra > 3 || !textWord.startsWith(ruleWord)) return false;
  return FORM_ENDINGS.has(textWord.slice(ruleWord.length));
}

/**
 * One of the rule's exceptions covers the match ("double blind", "master's degree"): the
 * exception is aligned on the first matched word and compared with the words around it.
 */
export function isException(
  text: string,
  start: number,
  end: number,
  exceptions: string[][],
  words?: readonly string[],
): boolean {
  if (exceptions.length === 0) return false;
  // The phrase's own (folded) words when the caller has them: no reading of the text.
  const matched = words ?? wordsIn(text, start, end);
  const first = matched[0] ?? '';
  for (const ex of exceptions) {
    for (let j = 0; j < ex.length; j++) {
      if (!sameForm(first, ex[j] ?? '')) continue;
      const need = ex.length - j - 1;
      // The matched words first (no reading of the text), then the words around it.
      const inMatch = matched.length - 1;
      let ok = true;
      for (let k = 0; k < need && k < inMatch && ok; k++)
        ok = sameForm(matched[k + 1] ?? '', ex[j + 1 + k] ?? '');
      if (!ok) continue;
      const before = j > 0 ? wordsBefore(text, start, j, false) : [];
      for (let k = 0; k < j && ok; k++) ok = sameForm(before[j - 1 - k] ?? '', ex[k] ?? '');
      if (ok && need > inMatch) {
        const after = wordsAfter(text, end, need - inMatch, false);
        for (let k = inMatch; k < need && ok; k++)
          ok = sameForm(after[k - inMatch] ?? '', ex[j + 1 + k] ?? '');
      }
      if (ok) return true;
    }
  }
  return false;
}
