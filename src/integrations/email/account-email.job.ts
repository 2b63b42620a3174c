// `account.email`: an email about one's own account (a reset link, a new address to confirm, a
// change made), to the address sealed in it. It goes by email only: a link to choose a new
// password must not appear anywhere else.
import { Value } from '@sinclair/typebox/value';
import {
  ACCOUNT_EMAIL_CONTEXT,
  AccountEmailPayload,
  SealedAccountEmail,
} from '../../contract/notifications.ts';
import type { Cipher } from '../../domain/privacy/crypto.ts';
import { defineJob, PermanentJobError } from '../../jobs/definition.ts';
import { renderAccountEmail } from './account-templates.ts';
import type { Mailer } from './mailer.ts';

export function accountEmailJob(deps: { mailer: Mailer; cipher: Cipher }) {
  return defineJob({
    name: 'account.email',
    version: 1,
    payload: AccountEmailPayload,
    maxAttempts: 8,
    async handle(payload, run) {
      let sealed: unknown;
      try {
        sealed = deps.cipher.decrypt<unknown>(payload.sealed, ACCOUNT_EMAIL_CONTEXT);
      } catch {
        throw new PermanentJobError('The sealed part of this email cannot be opened.');
      }
      if (!Value.Check(SealedAccountEmail, sealed))
        throw new PermanentJobError('The sealed part of this email is not in the expected shape.');
      if (!(await run.stillWanted())) return;
      const email = renderAccountEmail(payload.template, {
        recipientName: sealed.name,
        link: sealed.link,
      });
      await deps.mailer.send({
        ...email,
        to: { email: sealed.email, name: sealed.name },
        messageId: `<${run.job.id}@callin>`,
      });
      run.logger.info(
        { jobId: run.job.id, template: payload.template },
        'account email handed to the mailer',
      );
    },
  });
}
