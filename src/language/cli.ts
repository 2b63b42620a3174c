/**
 * `callin check [paths…]`: check files, globs or standard input for inconsiderate wording.
 * Exit codes: 0 nothing at or above --fail-on; 1 something at or above it; 2 usage, config or
 * read error (message on stderr).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createChecker } from './check.ts';
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

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function resolveFiles(paths: string[], cwd: string): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (hasGlob(p)) {
      const found = expandGlob(p, cwd);
      if (found.length === 0) throw new UsageError(`no files match ${p}`);
      files.push(...found);
    } else if (isDirectory(abs)) files.push(...filesUnder(abs));
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
  try {
    const usesStdin = opts.paths.length === 0 || opts.paths.includes('-');
    if (usesStdin)
      results.push({ file: STDIN_NAME, findings: checker.check(await readStream(io.stdin)) });
    for (const file of resolveFiles(
      opts.paths.filter((p) => p !== '-'),
      io.cwd,
    )) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(
          `cannot read ${path.relative(io.cwd, file)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      }
      const markdown = MARKDOWN_EXTENSIONS.includes(path.extname(file).toLowerCase());
      const rel = path.relative(io.cwd, file).split(path.sep).join('/');
      results.push({ file: rel, findings: checker.check(text, { markdown }) });
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
