// `notify.email`: the job other parts of the product schedule to tell someone, by email, that
// something is waiting for them. The payload is { template, communityId, sealed }, where sealed
// is cipher.encrypt({ to, link }, 'notification'), so no address or link sits in clear in the
// jobs table. The email carries only the private link; it never holds case content.
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Repositories } from '../../db/store.ts';
import type { Cipher } from '../../domain/privacy/crypto.ts';
import { defineJob, PermanentJobError } from '../../jobs/definition.ts';
import type { Mailer } from './mailer.ts';
import { renderEmail, templateNames } from './templates.ts';

export const NOTIFY_EMAIL = 'notify.email';
export const NOTIFICATION_CONTEXT = 'notification';

export const NotifyEmailPayload = Type.Object({
  template: Type.Union(templateNames.map((t) => Type.Literal(t))),
  communityId: Type.String({ minLength: 1, maxLength: 100 }),
  sealed: Type.String({ minLength: 1, maxLength: 20_000 }),
});

export const SealedNotification = Type.Object({
  to: Type.Union([
    Type.Object({ userId: Type.String({ minLength: 1 }) }),
    Type.Object({
      email: Type.String({ minLength: 3, maxLength: 254 }),
      name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    }),
  ]),
  link: Type.String({ minLength: 1, maxLength: 2000 }),
});
export type SealedNotification = Static<typeof SealedNotification>;

/** Builds the payload for a `notify.email` job (what the other parts of the product call). */
export function sealNotification(cipher: Cipher, value: SealedNotification): string {
  return cipher.encrypt(value, NOTIFICATION_CONTEXT);
}

/** A relative link becomes an address on PUBLIC_URL; only http(s) links are sent. */
export function absoluteLink(link: string, publicUrl: string): string {
  const url = new URL(link, `${publicUrl}/`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PermanentJobError('The link in this notification is not an http(s) address.');
  return url.toString();
}

export function notifyEmailJob(deps: {
  repos: Pick<Repositories, 'users' | 'communities'>;
  cipher: Cipher;
  mailer: Mailer;
  publicUrl: string;
}) {
  return defineJob({
    name: NOTIFY_EMAIL,
    version: 1,
    payload: NotifyEmailPayload,
    maxAttempts: 8,
    async handle(payload, run) {
      let sealed: unknown;
      try {
        sealed = deps.cipher.decrypt<unknown>(payload.sealed, NOTIFICATION_CONTEXT);
      } catch {
        throw new PermanentJobError('The sealed part of this notification cannot be opened.');
      }
      if (!Value.Check(SealedNotification, sealed))
        throw new PermanentJobError(
          'The sealed part of this notification is not in the expected shape.',
        );
      let to: { email: string; name: string | null };
      if ('userId' in sealed.to) {
        const user = await deps.repos.users.findById(sealed.to.userId);
        if (!user || user.erasedAt !== null) {
          run.logger.info(
            { jobId: run.job.id, template: payload.template },
            'notification skipped: the person is no longer here',
          );
          return;
        }
        to = { email: user.email, name: user.displayName };
      } else {
        to = { email: sealed.to.email, name: sealed.to.name ?? null };
      }
      const community = await deps.repos.communities.findById(payload.communityId);
      if (!community) {
        run.logger.info(
          { jobId: run.job.id, template: payload.template },
          'notification skipped: the community is gone',
        );
        return;
      }
      const email = renderEmail(payload.template, {
        communityName: community.name,
        recipientName: to.name,
        link: absoluteLink(sealed.link, deps.publicUrl),
      });
      // The last moment to notice a withdrawal of consent or another cancellation.
      if (!(await run.stillWanted())) {
        run.logger.info(
          { jobId: run.job.id, template: payload.template },
          'notification not sent: it was cancelled',
        );
        return;
      }
      await deps.mailer.send({ ...email, to, messageId: `<${run.job.id}@callin>` });
      run.logger.info(
        { jobId: run.job.id, template: payload.template, sent: deps.mailer.enabled },
        'notification handled',
      );
    },
  });
}
