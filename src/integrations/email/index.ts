// The email integration: a nodemailer transport to SMTP_URL and the email notification channel
// (delivered by the `notify.email` job), and the emails about one's own account (`account.email`).
import type { IntegrationPlugin } from '../plugin.ts';
import { accountEmailJob } from './account-email.job.ts';
import { emailChannel } from './channel.ts';
import { createMailer } from './mailer.ts';

export const emailIntegration: IntegrationPlugin = {
  name: 'email',
  register(ctx) {
    const mailer = createMailer(ctx.config, ctx.logger);
    ctx.addChannel(emailChannel(mailer));
    ctx.defineJob(accountEmailJob({ mailer, cipher: ctx.cipher }));
    ctx.onClose(() => mailer.close());
  },
};
