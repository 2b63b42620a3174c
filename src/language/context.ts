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

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\r';
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
    let w = '';
    while (
      i >= 0 &&
      (isWordAt(text, i) || (classOf(text.charCodeAt(i)) === C_APOS && isWordAt(text, i - 1)))
    ) {
      const c = text.charCodeAt(i);
      if (classOf(c) !== C_IGNORE) w = String.fromCharCode(foldOf(c)) + w;
      i--;
    }
    words.push(w);
  }
  return words;
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
    let w = '';
    while (
      i < text.length &&
      (isWordAt(text, i) || (classOf(text.charCodeAt(i)) === C_APOS && isWordAt(text, i + 1)))
    ) {
      const c = text.charCodeAt(i);
      if (classOf(c) !== C_IGNORE) w += String.fromCharCode(foldOf(c));
      i++;
    }
    words.push(w);
  }
  return words;
}

/** Words of `text` between `start` and `end`, folded. */
export function wordsIn(text: string, start: number, end: number): string[] {
  return wordsAfter(text.slice(0, end), start, 16, false);
}

/** Inside a link, a path, an e-mail address or an @mention. */
export function inLinkOrMention(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && !isSpace(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !isSpace(text[b])) b++;
  const chunk = text.slice(a, b);
  if (chunk.includes('://') || /^[(<[]?www\./i.test(chunk)) return true;
  const at = chunk.indexOf('@');
  if (at >= 0 && at < start - a) return true;
  let slashes = 0;
  for (const ch of chunk) if (ch === '/' || ch === '\\') slashes++;
  if (slashes >= 2 || /^[(<[]?(~|\.{1,2})?[/\\]/.test(chunk)) return true;
  // A markdown link target: ](...)
  const open = text.lastIndexOf('](', start);
  if (open >= 0 && open >= text.lastIndexOf(')', start - 1) && text.indexOf(')', end) >= 0) {
    return !text.slice(open, start).includes(' ');
  }
  return false;
}

/** Part of a code identifier: snake_case, camelCase, dotted names, calls, assignments. */
export function inIdentifier(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  if (before === '_' || after === '_') return true;
  if ((before === '.' || before === '$' || before === '#') && isWordAt(text, start - 2))
    return true;
  if (before === '$' || before === '#' || before === '=') return true;
  if (before === ':' && text[start - 2] === ':') return true;
  if (after === '.' && isWordAt(text, end + 1)) return true;
  if (after === '(' || after === '=' || (after === ':' && text[end + 1] === ':')) return true;
  if (after === '-' && text[end + 1] === '>') return true;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    const p = text.charCodeAt(i - 1);
    if (c >= 0x41 && c <= 0x5a && p >= 0x61 && p <= 0x7a) return true;
  }
  return false;
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
export function isMention(text: string, start: number, end: number): boolean {
  if (QUOTES_OPEN.has(text[start - 1] ?? '') && QUOTES_CLOSE.has(text[end] ?? '')) return true;
  const before = wordsBefore(text, start, 3, false);
  const w0 = before[0] ?? '';
  if (MENTION_NOUNS.has(w0)) return true;
  return (w0 === 'like' || w0 === 'as') && MENTION_NOUNS.has(before[1] ?? '');
}

function sameForm(textWord: string, ruleWord: string): boolean {
  if (textWord === ruleWord) return true;
  if (!textWord.startsWith(ruleWord)) return false;
  const rest = textWord.slice(ruleWord.length);
  return ['s', 'es', "'s", "s'", 'd', 'ed', 'ing'].includes(rest);
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
): boolean {
  if (exceptions.length === 0) return false;
  const matched = wordsIn(text, start, end);
  const first = matched[0] ?? '';
  for (const ex of exceptions) {
    for (let j = 0; j < ex.length; j++) {
      if (!sameForm(first, ex[j] ?? '')) continue;
      const need = ex.length - j - 1;
      const before = j > 0 ? wordsBefore(text, start, j, false) : [];
      const rest = matched.slice(1);
      const after =
        need > rest.length ? rest.concat(wordsAfter(text, end, need - rest.length, false)) : rest;
      let ok = true;
      for (let k = 0; k < j && ok; k++) ok = sameForm(before[j - 1 - k] ?? '', ex[k] ?? '');
      for (let k = 0; k < need && ok; k++) ok = sameForm(after[k] ?? '', ex[j + 1 + k] ?? '');
      if (ok) return true;
    }
  }
  return false;
}
