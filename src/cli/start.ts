// `callin start`: migrate, print the one-time setup link if there is no operator yet, and serve.
import { parseArgs } from 'node:util';
import { loadConfig, testClockNotice } from '../config/env.ts';
import type { Command } from './commands.ts';
import { EXIT, UsageError } from './io.ts';

export const startCommand: Command = {
  name: 'start',
  summary: 'Serve the web app and API (PORT, default 8080)',
  usage: 'callin start [--port PORT]',
  async run(args, io) {
    let port: string | undefined;
    try {
      port = parseArgs({ args, options: { port: { type: 'string' } }, strict: true }).values.port;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const config = loadConfig(port ? { ...io.env, PORT: port } : io.env, io.cwd);
    // Loaded here, not at the top, so the other commands start without the web server.
    const { default: pino } = await import('pino');
    const { openContext, openIntegrations } = await import('../app.ts');
    const { issueSetupToken } = await import('../domain/accounts/accounts.ts');
    const { startCheckpointing } = await import('./audit-checkpoint.ts');
    const { build, logSerializers } = await import('../http/server.ts');
    const { createJobService } = await import('../jobs/service.ts');
    const notice = testClockNotice(config);
    if (notice) io.err(notice);
    const logger = pino({
      level: config.logLevel,
      serializers: logSerializers,
      base: { service: 'callin' },
    });
    const ctx = await openContext(config);
    const integrations = await openIntegrations(ctx, { logger });
    const app = await build(ctx, { logger: logger, integrations: integrations.routes });
    const setupToken = await issueSetupToken(ctx.store.transaction.bind(ctx.store), ctx.clock);
    await app.listen({ port: config.port, host: config.host });
    // Background jobs run in this process unless RUN_JOBS=false (then run `callin worker`).
    const jobs = config.runJobs
      ? await createJobService(ctx, { logger, integrations, pollMs: config.jobPollMs })
      : null;
    jobs?.runner.start();
    const checkpoint = startCheckpointing(ctx, {
      onError: (e) =>
        logger.warn({ err: { type: (e as Error).name } }, 'audit checkpoint not written'),
    });
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : config.port;
    io.out(
      `Calling In is ready on http://localhost:${actualPort} (${ctx.database.dialect}${ctx.database.file ? `, ${ctx.database.file}` : ''}).`,
    );
    if (setupToken) {
      io.out(
        `\nWelcome! To create the operator account, open this one-time link within 24 hours:\n  ${config.publicUrl}/setup#${setupToken}\n(or run: callin admin create-operator --email you@example.org)\n`,
      );
    }
    await new Promise<void>((resolve) => {
      const stop = () => {
        logger.info('shutting down');
        void (jobs ? jobs.close() : Promise.resolve())
          .then(() => app.close())
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
