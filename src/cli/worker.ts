// `callin worker`: runs the job queue (email, reminders, the daily retention purge) without
// serving HTTP. Run one or more beside `callin start` with RUN_JOBS=false, or just let
// `callin start` run jobs in-process (the default).
import { parseArgs } from 'node:util';
import { loadConfig, testClockNotice } from '../config/env.ts';
import type { Command } from './commands.ts';
import { EXIT, UsageError } from './io.ts';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Run background jobs (email, reminders, retention) without serving the web app',
  usage:
    'callin worker\n  Safe to run several at once on PostgreSQL; stops cleanly on SIGTERM or Ctrl-C.',
  async run(args, io) {
    try {
      parseArgs({ args, options: {}, strict: true, allowPositionals: false });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const config = loadConfig(io.env, io.cwd);
    // Loaded here, not at the top, so the other commands start without the job machinery.
    const { default: pino } = await import('pino');
    const { openContext, openIntegrations } = await import('../app.ts');
    const { startCheckpointing } = await import('./audit-checkpoint.ts');
    const { createJobService } = await import('../jobs/service.ts');
    const notice = testClockNotice(config);
    if (notice) io.err(notice);
    const logger = pino({ level: config.logLevel, base: { service: 'callin-worker' } });
    const ctx = await openContext(config);
    const integrations = await openIntegrations(ctx, { logger });
    const jobs = await createJobService(ctx, { logger, integrations, pollMs: config.jobPollMs });
    jobs.runner.start();
    const checkpoint = startCheckpointing(ctx, {
      onError: (e) =>
        logger.warn({ err: { type: (e as Error).name } }, 'audit checkpoint not written'),
    });
    io.out(`Calling In worker ${jobs.runner.workerId} is running jobs (${ctx.database.dialect}).`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        logger.info('shutting down');
        void jobs
          .close()
          .then(() => checkpoint.stop())
          .then(() => integrations.close())
          .then(() => ctx.database.close())
          .finally(resolve);
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
    return EXIT.ok;
  },
};
