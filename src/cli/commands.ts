// Each `callin` command: its help text, and what it does.
import { parseArgs } from 'node:util';
import { describeConfig, loadConfig, variables } from '../config/env.ts';
import { EXIT, readAll, UsageError, type Io } from './io.ts';
import { isPlainText } from '../contract/schemas/primitives.ts';
import fs from 'node:fs';
import path from 'node:path';

const PLAIN_NAME_USAGE =
  '--name takes plain text on one line, without control characters or bidi overrides.';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const migrate: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date',
  usage: 'callin migrate [--json]',
  async run(args, io) {
    const { values } = parse(args, { json: { type: 'boolean' } });
    const config = loadConfig(io.env, io.cwd);
    const { openDatabase } = await import('../db/client.ts');
    const { migrateToLatest } = await import('../db/migrate.ts');
    const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const report = await migrateToLatest(db.db);
      io.out(
        values.json
          ? JSON.stringify(report)
          : report.applied.length
            ? `Applied ${report.applied.join(', ')}.`
            : 'The database is up to date.',
      );
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};

const config: Command = {
  name: 'config',
  summary: 'Print the effective configuration, with secrets hidden',
  usage: 'callin config [--json]',
  async run(args, io) {
    const { values } = parse(args, { json: { type: 'boolean' } });
    const effective = describeConfig(loadConfig(io.env, io.cwd));
    if (values.json) {
      io.out(JSON.stringify(effective, null, 2));
    } else {
      const width = Math.max(...variables.map((v) => v.name.length));
      for (const v of variables)
        io.out(`${v.name.padEnd(width)}  ${effective[v.name] || '(unset)'}`);
    }
    return EXIT.ok;
  },
};

const createOperatorCommand: Command = {
  name: 'admin create-operator',
  summary: 'Create an operator account (or make an existing account an operator)',
  usage:
    'callin admin create-operator --email EMAIL --name NAME [--password-stdin] [--json]\n  Without --password-stdin, the password is read from CALLIN_OPERATOR_PASSWORD.',
  async run(args, io) {
    const { values } = parse(args, {
      email: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (!values.email) throw new UsageError('--email is required.');
    if (values.name !== undefined && !isPlainText(values.name))
      throw new UsageError(PLAIN_NAME_USAGE);
    const password = values['password-stdin']
      ? (await readAll(io.stdin)).replace(/\r?\n$/, '')
      : (io.env.CALLIN_OPERATOR_PASSWORD ?? '');
    const { openContext } = await import('../app.ts');
    const { createOperator } = await import('../domain/accounts/accounts.ts');
    const { writeCheckpoint } = await import('./audit-checkpoint.ts');
    const ctx = await openContext(loadConfig(io.env, io.cwd));
    try {
      const r = await createOperator(ctx.store.transaction.bind(ctx.store), ctx.clock, {
        email: values.email,
        password,
        displayName: values.name ?? values.email.split('@')[0] ?? 'Operator',
      });
      io.out(
        values.json
          ? JSON.stringify(r)
          : r.created
            ? `Created operator ${values.email}.`
            : `${values.email} is now an operator.`,
      );
      return EXIT.ok;
    } finally {
      await writeCheckpoint(ctx);
      await ctx.database.close();
    }
  },
};

const createCommunityCommand: Command = {
  name: 'admin create-community',
  summary: 'Create a community',
  usage: 'callin admin create-community --slug SLUG --name NAME [--json]',
  async run(args, io) {
    const { values } = parse(args, {
      slug: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.slug || !values.name) throw new UsageError('--slug and --name are required.');
    if (!/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/.test(values.slug))
      throw new UsageError('--slug takes lower-case letters, digits and dashes.');
    if (!isPlainText(values.name)) throw new UsageError(PLAIN_NAME_USAGE);
    const { openContext } = await import('../app.ts');
    const { createCommunity, presentCommunity } = await import('../domain/accounts/communities.ts');
    const { writeCheckpoint } = await import('./audit-checkpoint.ts');
    const ctx = await openContext(loadConfig(io.env, io.cwd));
    try {
      const c = await createCommunity(
        ctx.store.transaction.bind(ctx.store),
        ctx.clock,
        { kind: 'cli' },
        { slug: values.slug, name: values.name },
      );
      const view = {
        ...presentCommunity(c),
        intakeUrl: `${ctx.config.publicUrl}/raise/${c.intakeId}`,
      };
      io.out(
        values.json
          ? JSON.stringify(view)
          : `Created ${view.name} (${view.id}).\nPublic form: ${view.intakeUrl}`,
      );
      return EXIT.ok;
    } finally {
      await writeCheckpoint(ctx);
      await ctx.database.close();
    }
  },
};

const auditVerify: Command = {
  name: 'audit verify',
  summary: 'Check the audit log chain and its checkpoint, and name the first broken entry',
  usage:
    'callin audit verify [--json]\n  Checks every seal, then compares the newest entries with the signed checkpoint (AUDIT_CHECKPOINT_FILE).',
  async run(args, io) {
    const { values } = parse(args, { json: { type: 'boolean' } });
    const { openContext } = await import('../app.ts');
    const { verifyChain } = await import('../domain/audit/audit.ts');
    const { checkpointFile, loadCheckpoint } = await import('./audit-checkpoint.ts');
    const ctx = await openContext(loadConfig(io.env, io.cwd));
    try {
      const loaded = loadCheckpoint(ctx);
      const audit = ctx.store.repos.audit;
      const chain = await verifyChain(
        audit.iterate(),
        audit.seal,
        loaded.state === 'ok' ? loaded.checkpoint : null,
      );
      // Keyed entries with no checkpoint beside them: the newest could be gone unseen.
      const checkpointProblem =
        loaded.state === 'bad'
          ? `${loaded.problem} (${checkpointFile(ctx)})`
          : loaded.state === 'none' && chain.checked > 0
            ? `there is no checkpoint at ${checkpointFile(ctx)}, so removed newest entries or an older database cannot be ruled out`
            : null;
      const ok = chain.ok && checkpointProblem === null;
      const report = { ...chain, ok, checkpointFile: checkpointFile(ctx), checkpointProblem };
      if (values.json) io.out(JSON.stringify(report));
      else if (ok)
        io.out(
          `The audit log is intact: ${chain.checked} entries checked, matching the checkpoint of ${chain.checkpoint?.at ?? '(none yet)'}.`,
        );
      else if (!chain.ok)
        io.out(
          `The audit log is broken at entry ${chain.firstBroken!.seq}: ${chain.firstBroken!.problem}.`,
        );
      else io.out(`The audit log's entries hold, but ${checkpointProblem}.`);
      return ok ? EXIT.ok : EXIT.found;
    } finally {
      await ctx.database.close();
    }
  },
};

const backup: Command = {
  name: 'backup',
  summary: 'Make a consistent online copy of the embedded database',
  usage:
    'callin backup [--to FILE] [--json]\n  Default: DATA_DIR/backups/callin-<time>.sqlite. Safe while the server runs.',
  async run(args, io) {
    const { values } = parse(args, { to: { type: 'string' }, json: { type: 'boolean' } });
    const cfg = loadConfig(io.env, io.cwd);
    if (cfg.databaseUrl) {
      io.err(
        'This installation uses PostgreSQL: back it up with pg_dump. `callin backup` copies the embedded database.',
      );
      return EXIT.usage;
    }
    const { openDatabase, SQLITE_FILE_NAME } = await import('../db/client.ts');
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const destination = path.resolve(
      io.cwd,
      values.to ??
        path.join(
          cfg.dataDir,
          'backups',
          `${path.basename(SQLITE_FILE_NAME, '.sqlite')}-${stamp}.sqlite`,
        ),
    );
    const db = openDatabase({ databaseUrl: null, dataDir: cfg.dataDir });
    try {
      await db.backup(destination);
      // The copy holds everything the live database does: owner-only, like the original.
      fs.chmodSync(destination, 0o600);
      // The audit checkpoint goes with it: restoring the pair keeps `audit verify` meaningful.
      if (fs.existsSync(cfg.auditCheckpointFile))
        fs.copyFileSync(cfg.auditCheckpointFile, `${destination}.audit-head.json`);
      io.out(
        values.json
          ? JSON.stringify({ file: destination })
          : `Backed up to ${destination}. Keep the key file (${cfg.encryptionKeyFile}) safe as well: without it, case content cannot be read.`,
      );
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};

export const commands: Command[] = [
  migrate,
  config,
  createOperatorCommand,
  createCommunityCommand,
  auditVerify,
  backup,
];
