// The email integration: a nodemailer transport to SMTP_URL and the `notify.email` job.
import type { IntegrationPlugin } from '../plugin.ts';
import { createMailer } from './mailer.ts';
import { notifyEmailJob } from './notify-email.job.ts';

export const emailIntegration: IntegrationPlugin = {
  name: 'email',
  register(ctx) {
    const mailer = createMailer(ctx.config, ctx.logger);
    ctx.defineJob(
      notifyEmailJob({
        repos: ctx.store.repos,
        cipher: ctx.cipher,
        mailer,
        publicUrl: ctx.config.publicUrl,
      }),
    );
    ctx.onClose(() => mailer.close());
  },
};
