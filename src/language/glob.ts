/**
 * Simple glob expansion for `callin check`: `*` and `?` within a path segment, `**` across
 * segments. node_modules and .git are never entered. Results are sorted.
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

function listDir(dir: string): { name: string; dir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => !SKIP.has(e.name))
      .map((e) => ({ name: e.name, dir: e.isDirectory() }));
  } catch {
    return [];
  }
}

function walk(dir: string, segs: string[], out: Set<string>): void {
  const [seg, ...rest] = segs;
  if (seg === undefined) return;
  if (seg === '**') {
    walk(dir, rest, out);
    for (const e of listDir(dir)) if (e.dir) walk(path.join(dir, e.name), segs, out);
    return;
  }
  const re = segmentRegex(seg);
  for (const e of listDir(dir)) {
    if (!re.test(e.name)) continue;
    if (e.name.startsWith('.') && !seg.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (rest.length === 0) {
      if (!e.dir) out.add(full);
    } else if (e.dir) walk(full, rest, out);
  }
}

/** All text files under a directory (see TEXT_EXTENSIONS). */
export function filesUnder(dir: string): string[] {
  const out = new Set<string>();
  walk(dir, ['**', '*'], out);
  return [...out].filter((f) => TEXT_EXTENSIONS.includes(path.extname(f).toLowerCase())).sort();
}

/** Expand one pattern relative to `cwd`; returns absolute paths. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const abs = path.resolve(cwd, pattern);
  const parts = abs.split(path.sep);
  const firstGlob = parts.findIndex(hasGlob);
  if (firstGlob < 0) return [abs];
  const base = parts.slice(0, firstGlob).join(path.sep) || path.sep;
  const out = new Set<string>();
  walk(base, parts.slice(firstGlob), out);
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
