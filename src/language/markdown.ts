/**
 * Markdown regions that are not prose: code spans, fenced and indented code blocks, and
 * block quotes (someone else's words, quoted). The scanner calls these at a backtick and at
 * the start of each line; each returns the index at which to go on reading.
 */

function runLength(text: string, i: number, ch: number): number {
  let n = 0;
  while (text.charCodeAt(i + n) === ch) n++;
  return n;
}

/** At a backtick: skip the code span it opens, or just the backticks when it is never closed. */
export function skipInlineCode(text: string, i: number): number {
  const n = runLength(text, i, 0x60);
  let from = i + n;
  for (;;) {
    const j = text.indexOf('`', from);
    if (j < 0) return i + n;
    const m = runLength(text, j, 0x60);
    if (m === n) return j + m;
    from = j + m;
  }
}

function lineEnd(text: string, i: number): number {
  const j = text.indexOf('\n', i);
  return j < 0 ? text.length : j;
}

function isBlankBefore(text: string, lineStart: number): boolean {
  if (lineStart === 0) return true;
  for (let k = lineStart - 2; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) return true;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

function indentOf(text: string, i: number): number {
  let col = 0;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20) col++;
    else if (c === 0x09) col += 4 - (col % 4);
    else return col;
    i++;
  }
}

function skipFence(text: string, i: number, ch: number, n: number): number {
  let pos = lineEnd(text, i);
  while (pos < text.length) {
    const s = pos + 1;
    let k = s;
    while (k < s + 3 && text.charCodeAt(k) === 0x20) k++;
    if (runLength(text, k, ch) >= n) return lineEnd(text, k);
    pos = lineEnd(text, s);
  }
  return text.length;
}

/** At the start of a line: skip it (and what follows) when it begins code or a quote. */
export function skipLineStart(text: string, i: number): number {
  const c0 = text.charCodeAt(i);
  // Fast path: most lines start with a letter.
  if (c0 !== 0x20 && c0 !== 0x09 && c0 !== 0x60 && c0 !== 0x7e && c0 !== 0x3e) return i;
  const indent = indentOf(text, i);
  let k = i;
  while (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x09) k++;
  if (indent >= 4 && isBlankBefore(text, i) && k < text.length && text.charCodeAt(k) !== 0x0a) {
    // Indented code block: this line and the indented or blank lines after it.
    let end = lineEnd(text, k);
    while (end < text.length) {
      const next = end + 1;
      const c = text.charCodeAt(next);
      if (c === 0x0a || c === 0x0d) {
        end = next;
        continue;
      }
      if (indentOf(text, next) < 4) break;
      end = lineEnd(text, next);
    }
    return end;
  }
  if (indent > 3) return i;
  const c = text.charCodeAt(k);
  if (c === 0x60 || c === 0x7e) {
    const n = runLength(text, k, c);
    if (n >= 3) return skipFence(text, k, c, n);
    return i;
  }
  if (c === 0x3e) return lineEnd(text, k);
  return i;
}
