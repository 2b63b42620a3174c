// Operator commands for personal data: erase a person, and run the retention purge now.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/env.ts';
import type { Command } from './commands.ts';
import { EXIT, UsageError } from './io.ts';

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export const eraseUserCommand: Command = {
  name: 'admin erase-user',
  summary: "Erase a person's account and personal data (keeps anonymous counts)",
  usage:
    'callin admin erase-user --email EMAIL [--json]\n  Cannot be undone. Their sessions and tokens end at once; cases stay, without their name or words.',
  async run(args, io) {
    const { values } = parse(args, { email: { type: 'string' }, json: { type: 'boolean' } });
    if (!values.email) throw new UsageError('--email is required.');
    const { openContext } = await import('../app.ts');
    const { eraseUserByEmail } = await import('../domain/privacy/erasure.ts');
    const { writeCheckpoint } = await import('./audit-checkpoint.ts');
    const ctx = await openContext(loadConfig(io.env, io.cwd));
    try {
      const report = await eraseUserByEmail(
        ctx.store.transaction.bind(ctx.store),
        ctx.store.repos,
        ctx,
        values.email,
      );
      io.out(
        values.json
          ? JSON.stringify(report)
          : `Erased the account ${report.userId}: ${report.rewritten} pieces of case content cleaned, ${report.deleted} records removed, ${report.notificationsCancelled} pending emails cancelled.`,
      );
      return EXIT.ok;
    } finally {
      await writeCheckpoint(ctx);
      await ctx.database.close();
    }
  },
};

export const retentionPurgeCommand: Command = {
  name: 'retention purge',
  summary: 'Purge closed cases past their retention period now (the worker does this daily)',
  usage: 'callin retention purge [--json]',
  async run(args, io) {
    const { values } = parse(args, { json: { type: 'boolean' } });
    const { openContext } = await import('../app.ts');
    const { purgeExpiredCases } = await import('../domain/privacy/retention.ts');
    const { writeCheckpoint } = await import('./audit-checkpoint.ts');
    const ctx = await openContext(loadConfig(io.env, io.cwd));
    try {
      const report = await purgeExpiredCases(ctx.store.transaction.bind(ctx.store), ctx.clock);
      io.out(
        values.json
          ? JSON.stringify(report)
          : `Purged ${report.purged} closed cases in ${report.communities} communities; their anonymous counts are kept.`,
      );
      return EXIT.ok;
    } finally {
      await writeCheckpoint(ctx);
      await ctx.database.close();
    }
  },
};
