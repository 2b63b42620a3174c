/**
 * `callin check [paths…]`: check files, globs or standard input for inconsiderate wording.
 * Exit codes: 0 nothing at or above --fail-on; 1 something at or above it; 2 usage, config or
 * read error (message on stderr).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_CHECK_TEXT, checkLongText, createChecker } from './check.ts';
import { ConfigError, loadConfigFile } from './config.ts';
import { formatJson, formatSarif, formatText } from './format.ts';
import type { FileFindings } from './format.ts';
import { expandGlob, filesUnder, hasGlob, isDirectory } from './glob.ts';
import { builtInRules } from './rules/index.ts';
import { SEVERITIES } from './types.ts';
import type { CheckerConfig, Severity } from './types.ts';

export interface CheckIo {
  stdin: NodeJS.ReadableStream;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export const STDIN_NAME = '<stdin>';
/** Largest file or standard input read, in megabytes. */
export const MAX_FILE_MB = 64;
const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;
const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx'];

export const CHECK_HELP = `Usage: callin check [options] [paths…]

Check text and Markdown for wording that may hurt people. Reads standard input when no
path is given (reported as "${STDIN_NAME}"). Paths may be files, directories (their .md,
.markdown, .mdx, .txt and .text files) or globs with *, ? and **; node_modules and .git are
skipped. Files ending in .md, .markdown or .mdx (and standard input) are read as Markdown, so
code spans, code blocks, links and quotes are skipped; other files are read as plain text.

Options:
  --format text|json|sarif   output format (default: text)
  --fail-on nudge|concern|escalate
                             exit 1 when a finding at or above this severity is found
                             (default: concern)
  --config <file>            configuration file (default: .callinrc in the current directory)
  -h, --help                 show this help

Files: binary files (a NUL byte in the first 8 KB) are skipped with a notice; a UTF-8 byte
order mark is dropped (columns count from the first character after it); a file that is not
valid UTF-8 is read as Latin-1 with a warning. Symbolic links to files are read; symbolic
links to directories are not followed (they can loop), and each one skipped is named on
stderr. Files over ${MAX_FILE_MB} MB are skipped with a notice; texts over
${MAX_CHECK_TEXT.toLocaleString('en-US')} characters are checked in parts split at line breaks.
A rule that fires several times in a file is one finding, with every place it fired.

Exit codes: 0 no finding at or above --fail-on, 1 at least one, 2 usage or configuration error.
Positions are 1-based; endColumn is exclusive; columns count UTF-16 code units.
`;

interface Options {
  format: 'text' | 'json' | 'sarif';
  failOn: Severity;
  config: string | undefined;
  paths: string[];
  help: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    format: 'text',
    failOn: 'concern',
    config: undefined,
    paths: [],
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let val: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      val = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = (): string => {
      const v = val ?? argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '-h' || arg === '--help') o.help = true;
    else if (arg === '--format') {
      const v = take();
      if (v !== 'text' && v !== 'json' && v !== 'sarif')
        throw new UsageError(`--format must be text, json or sarif (got "${v}")`);
      o.format = v;
    } else if (arg === '--fail-on') {
      const v = take();
      if (!(SEVERITIES as readonly string[]).includes(v)) {
        throw new UsageError(`--fail-on must be nudge, concern or escalate (got "${v}")`);
      }
      o.failOn = v as Severity;
    } else if (arg === '--config') o.config = take();
    else if (arg === '--') {
      o.paths.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else o.paths.push(arg);
  }
  return o;
}

/** Standard input, up to MAX_FILE_BYTES (the rest is read and dropped, with a notice). */
async function readStream(
  stream: NodeJS.ReadableStream,
  notice: (s: string) => void,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (size + b.length > MAX_FILE_BYTES) {
      if (!cut) chunks.push(b.subarray(0, MAX_FILE_BYTES - size));
      cut = true;
      size = MAX_FILE_BYTES;
      continue;
    }
    chunks.push(b);
    size += b.length;
  }
  if (cut) notice(`${STDIN_NAME}: only the first ${MAX_FILE_MB} MB were checked`);
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * Bytes to text for checking: undefined for a binary file (a NUL byte in the first 8 KB);
 * a UTF-8 byte order mark dropped; text that is not UTF-8 read as Latin-1, with a warning.
 */
export function decodeText(
  bytes: Uint8Array,
  name: string,
  warn: (s: string) => void,
): string | undefined {
  if (bytes.subarray(0, 8192).includes(0)) {
    warn(`${name}: skipped, it looks like a binary file`);
    return undefined;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    warn(`${name}: not valid UTF-8; read as Latin-1, so some letters may be wrong`);
    text = latin1.decode(bytes);
  }
  // TextDecoder drops a UTF-8 byte order mark; this keeps it so for any other source.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function resolveFiles(paths: string[], cwd: string, onLink: (p: string) => void): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (hasGlob(p)) {
      const found = expandGlob(p, cwd, onLink);
      if (found.length === 0) throw new UsageError(`no files match ${p}`);
      files.push(...found);
    } else if (isDirectory(abs)) files.push(...filesUnder(abs, onLink));
    else if (existsSync(abs)) files.push(abs);
    else throw new UsageError(`no such file: ${p}`);
  }
  return [...new Set(files)];
}

/** Run `callin check` with the arguments after `check`; resolves to the exit code. */
export async function runCheck(argv: string[], io: CheckIo): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    io.stderr(`callin check: ${(e as Error).message}\nRun "callin check --help" for usage.\n`);
    return 2;
  }
  if (opts.help) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const known = new Set(builtInRules.map((r) => r.id));
  let config: CheckerConfig = {};
  try {
    const file = opts.config ?? path.join(io.cwd, '.callinrc');
    if (opts.config !== undefined || existsSync(file))
      config = loadConfigFile(path.resolve(io.cwd, file), known);
  } catch (e) {
    if (e instanceof ConfigError) {
      const rel = path.relative(io.cwd, e.file);
      const shown = rel === '' || rel.startsWith('..') ? e.file : rel;
      io.stderr(
        `callin check: invalid configuration: ${shown}:${e.line}:${e.column}: ${e.problem}\n`,
      );
      return 2;
    }
    throw e;
  }
  const checker = createChecker(config);
  const results: FileFindings[] = [];
  const note = (s: string): void => io.stderr(`callin check: ${s}\n`);
  const relative = (file: string): string => path.relative(io.cwd, file).split(path.sep).join('/');
  const checkText = (name: string, text: string, markdown: boolean): void => {
    if (text.length > MAX_CHECK_TEXT) {
      note(
        `${name}: ${text.length.toLocaleString('en-US')} characters, checked in parts of at most ${MAX_CHECK_TEXT.toLocaleString('en-US')}`,
      );
    }
    results.push({ file: name, findings: checkLongText(checker, text, markdown) });
  };
  try {
    const usesStdin = opts.paths.length === 0 || opts.paths.includes('-');
    if (usesStdin) {
      const text = decodeText(await readStream(io.stdin, note), STDIN_NAME, note);
      if (text !== undefined) checkText(STDIN_NAME, text, true);
    }
    const onLink = (p: string): void =>
      note(`${relative(p)}: a symbolic link to a directory, not followed`);
    for (const file of resolveFiles(
      opts.paths.filter((p) => p !== '-'),
      io.cwd,
      onLink,
    )) {
      const rel = relative(file);
      let bytes: Buffer;
      try {
        if (statSync(file).size > MAX_FILE_BYTES) {
          note(`${rel}: skipped, larger than ${MAX_FILE_MB} MB`);
          continue;
        }
        bytes = readFileSync(file);
      } catch (e) {
        throw new UsageError(
          `cannot read ${rel} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      }
      const text = decodeText(bytes, rel, note);
      if (text === undefined) continue;
      const markdown = MARKDOWN_EXTENSIONS.includes(path.extname(file).toLowerCase());
      checkText(rel, text, markdown);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`callin check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const rules = [...builtInRules, ...(config.rules ?? [])];
  io.stdout(
    opts.format === 'json'
      ? formatJson(results)
      : opts.format === 'sarif'
        ? formatSarif(results, rules)
        : formatText(results),
  );
  const threshold = SEVERITIES.indexOf(opts.failOn);
  const failed = results.some((r) =>
    r.findings.some((f) => SEVERITIES.indexOf(f.severity) >= threshold),
  );
  return failed ? 1 : 0;
}
