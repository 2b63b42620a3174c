/**
 * Simple glob expansion for `callin check`: `*` and `?` within a path segment, `**` across
 * segments. node_modules and .git are never entered. Results are sorted. Symbolic links to
 * files are followed; symbolic links to directories are not (they can loop), and are
 * reported to the caller so the command can say so.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', '.git']);
/** Files picked up when a directory is given. */
export const TEXT_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt', '.text'];

export function hasGlob(p: string): boolean {
  return /[*?]/.test(p);
}

function segmentRegex(seg: string): RegExp {
  let re = '';
  for (const ch of seg) {
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Told of each symbolic link to a directory that a walk does not follow. */
export type OnSymlinkedDirectory = (p: string) => void;
const ignore: OnSymlinkedDirectory = () => {};

function listDir(dir: string, onLink: OnSymlinkedDirectory): { name: string; dir: boolean }[] {
  try {
    const out: { name: string; dir: boolean }[] = [];
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(e.name)) continue;
      if (e.isSymbolicLink()) {
        const full = path.join(dir, e.name);
        if (isDirectory(full)) {
          onLink(full);
          continue;
        }
        // A link to a file is read; a dangling link is left out.
        if (!isFile(full)) continue;
        out.push({ name: e.name, dir: false });
        continue;
      }
      out.push({ name: e.name, dir: e.isDirectory() });
    }
    return out;
  } catch {
    return [];
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function walk(dir: string, segs: string[], out: Set<string>, onLink: OnSymlinkedDirectory): void {
  const [seg, ...rest] = segs;
  if (seg === undefined) return;
  if (seg === '**') {
    walk(dir, rest, out, onLink);
    for (const e of listDir(dir, onLink))
      if (e.dir) walk(path.join(dir, e.name), segs, out, onLink);
    return;
  }
  const re = segmentRegex(seg);
  for (const e of listDir(dir, onLink)) {
    if (!re.test(e.name)) continue;
    if (e.name.startsWith('.') && !seg.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (rest.length === 0) {
      if (!e.dir) out.add(full);
    } else if (e.dir) walk(full, rest, out, onLink);
  }
}

/** All text files under a directory (see TEXT_EXTENSIONS). */
export function filesUnder(dir: string, onLink: OnSymlinkedDirectory = ignore): string[] {
  const out = new Set<string>();
  walk(dir, ['**', '*'], out, onLink);
  return [...out].filter((f) => TEXT_EXTENSIONS.includes(path.extname(f).toLowerCase())).sort();
}

/** Expand one pattern relative to `cwd`; returns absolute paths. */
export function expandGlob(
  pattern: string,
  cwd: string,
  onLink: OnSymlinkedDirectory = ignore,
): string[] {
  const abs = path.resolve(cwd, pattern);
  const parts = abs.split(path.sep);
  const firstGlob = parts.findIndex(hasGlob);
  if (firstGlob < 0) return [abs];
  const base = parts.slice(0, firstGlob).join(path.sep) || path.sep;
  const out = new Set<string>();
  walk(base, parts.slice(firstGlob), out, onLink);
  return [...out].sort();
}

/** Whether a path names a directory. */
export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
