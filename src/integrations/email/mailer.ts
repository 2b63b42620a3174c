// Sends email through SMTP_URL with nodemailer. Without SMTP_URL, email is off: sending logs a
// line (without the address) and does nothing.
import nodemailer from 'nodemailer';
import type { Config } from '../../config/env.ts';
import type { JobLogger } from '../../jobs/definition.ts';
import type { RenderedEmail } from './templates.ts';

export interface OutgoingEmail extends RenderedEmail {
  to: { email: string; name: string | null };
  /** A stable id (the job's), so a repeated attempt is recognisable as the same message. */
  messageId: string;
}

export interface Mailer {
  readonly enabled: boolean;
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export function createMailer(
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  logger: JobLogger,
): Mailer {
  if (!config.smtpUrl) {
    return {
      enabled: false,
      async send(email) {
        logger.info(
          { messageId: email.messageId },
          'email is off (SMTP_URL is unset); not sending',
        );
      },
      close: () => undefined,
    };
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    enabled: true,
    async send(email) {
      await transport.sendMail({
        from: config.mailFrom,
        to: email.to.name ? { name: email.to.name, address: email.to.email } : email.to.email,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}
