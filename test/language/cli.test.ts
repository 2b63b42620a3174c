import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateSchema } from './json-schema.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const entry = path.join(root, 'src', 'language', 'cli-main.ts');
const schema = JSON.parse(
  readFileSync(path.join(here, 'sarif-schema-2.1.0.json'), 'utf8'),
) as Record<string, unknown>;

function run(
  args: string[],
  opts: { cwd?: string; input?: string } = {},
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tsx, [entry, ...args], {
    cwd: opts.cwd ?? root,
    input: opts.input ?? '',
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'callin-check-'));
  mkdirSync(path.join(dir, 'docs', 'deep'), { recursive: true });
  mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
  writeFileSync(
    path.join(dir, 'docs', 'a.md'),
    'Hello guys,\n\n```\nguys = 1\n```\nUse the `whitelist` flag.\n',
  );
  writeFileSync(path.join(dir, 'docs', 'deep', 'b.md'), "Honestly, you're an idiot.\n");
  writeFileSync(path.join(dir, 'docs', 'c.txt'), 'Use `guys` here.\n');
  writeFileSync(path.join(dir, 'node_modules', 'x', 'd.md'), "you're an idiot\n");
  return dir;
}

describe('callin check (real process)', { timeout: 60_000 }, () => {
  it('reads stdin, reports "<stdin>" and exits 0 below --fail-on', () => {
    const r = run(['--format', 'json'], { input: 'hey guys' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({
        file: '<stdin>',
        line: 1,
        column: 5,
        endLine: 1,
        endColumn: 9,
        ruleId: 'gendered.guys',
      }),
    ]);
  });

  it('exits 1 at or above --fail-on (default concern)', () => {
    expect(run([], { input: "you're an idiot" }).code).toBe(1);
    expect(run(['--fail-on', 'nudge'], { input: 'hey guys' }).code).toBe(1);
    expect(run(['--fail-on=escalate'], { input: "you're an idiot" }).code).toBe(0);
    expect(run([], { input: 'all good here' }).code).toBe(0);
  });

  it('expands globs, skips node_modules, picks Markdown by extension', () => {
    const dir = workspace();
    const r = run(['--format', 'json', '**/*.md', 'docs/c.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as { file: string; ruleId: string; line: number }[]).map(
      (f) => [f.file, f.ruleId, f.line],
    );
    expect(found).toEqual([
      ['docs/a.md', 'gendered.guys', 1],
      ['docs/deep/b.md', 'insult.idiot', 1],
      ['docs/c.txt', 'gendered.guys', 1],
    ]);
    const keys = Object.keys((JSON.parse(r.stdout) as object[])[0]!);
    expect(keys).toEqual([
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'ruleId',
      'category',
      'severity',
      'message',
      'suggestions',
    ]);
  });

  it('writes SARIF that validates against the SARIF 2.1.0 schema', () => {
    const dir = workspace();
    const r = run(['--format', 'sarif', 'docs'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as {
      runs: {
        results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    expect(validateSchema(schema, log)).toEqual([]);
    expect(
      log.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri),
    ).toEqual(['docs/a.md', 'docs/c.txt', 'docs/deep/b.md']);
    const empty = run(['--format', 'sarif'], { input: 'fine' });
    expect(validateSchema(schema, JSON.parse(empty.stdout))).toEqual([]);
  });

  it('the schema validator can fail', () => {
    expect(validateSchema(schema, { version: '2.0.0', runs: [{}] }).length).toBeGreaterThan(1);
  });

  it('uses .callinrc from the working directory and reports config errors with exit 2', () => {
    const dir = workspace();
    writeFileSync(path.join(dir, '.callinrc'), '{ "disable": ["insult"] }\n');
    expect(run(['docs/deep/b.md'], { cwd: dir }).code).toBe(0);
    writeFileSync(path.join(dir, '.callinrc'), '{\n  "minSeverity": "loud"\n}\n');
    const bad = run(['docs/deep/b.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '.callinrc:2:18: minSeverity: must be one of nudge, concern, escalate',
    );
  });

  it('skips binary files, drops a BOM, warns on non-UTF-8, says what it does with symlinks', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'callin-files-'));
    mkdirSync(path.join(dir, 'docs', 'real'), { recursive: true });
    writeFileSync(path.join(dir, 'docs', 'real', 'x.md'), 'all fine\n');
    writeFileSync(
      path.join(dir, 'docs', 'bin.txt'),
      Buffer.from([0x68, 0x00, 0x01, 0x67, 0x75, 0x79, 0x73]),
    );
    writeFileSync(path.join(dir, 'docs', 'bom.md'), '\uFEFFhey guys\n');
    writeFileSync(path.join(dir, 'docs', 'latin1.txt'), Buffer.from('caf\xe9 guys\n', 'latin1'));
    writeFileSync(path.join(dir, 'docs', 'odd #1?.md'), 'you idiot. you idiot.\n');
    symlinkSync(path.join(dir, 'docs', 'real'), path.join(dir, 'docs', 'link'));
    const r = run(['--format', 'json', 'docs'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('docs/bin.txt: skipped, it looks like a binary file');
    expect(r.stderr).toContain('docs/latin1.txt: not valid UTF-8; read as Latin-1');
    expect(r.stderr).toContain('docs/link: a symbolic link to a directory, not followed');
    const found = JSON.parse(r.stdout) as {
      file: string;
      column: number;
      occurrences?: { line: number; column: number }[];
    }[];
    expect(found.map((f) => [f.file, f.column])).toEqual([
      ['docs/bom.md', 5],
      ['docs/latin1.txt', 6],
      ['docs/odd #1?.md', 5],
    ]);
    expect(found[2]!.occurrences?.map((o) => o.column)).toEqual([5, 16]);
    const sarif = run(['--format', 'sarif', 'docs/odd #1?.md'], { cwd: dir });
    const log = JSON.parse(sarif.stdout) as {
      runs: {
        results: {
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
          relatedLocations?: unknown[];
        }[];
      }[];
    };
    expect(validateSchema(schema, log)).toEqual([]);
    const result = log.runs[0]!.results[0]!;
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'docs/odd%20%231%3F.md',
    );
    expect(result.relatedLocations).toHaveLength(1);
  });

  it('exits 2 on usage errors, with a message on stderr', () => {
    const r = run(['--format', 'xml'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be text, json or sarif');
    expect(run(['no-such-file.md']).code).toBe(2);
    expect(run(['--help']).stdout).toContain('Usage: callin check');
  });
});
