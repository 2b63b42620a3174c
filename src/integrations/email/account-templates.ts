// Emails about one's own account: a link to choose a new password, a link to confirm a new
// address, and a note that the password or the address changed. They name no community and
// nothing of any case; the links are private to the reader.
import type { AccountEmailTemplate } from '../../contract/vocabulary.ts';
import { escapeHtml, type RenderedEmail } from './templates.ts';

interface AccountText {
  subject: string;
  body: string[];
  /** The words of the link; null when the email only tells. */
  action: string | null;
}

const templates: Record<AccountEmailTemplate, AccountText> = {
  'password-reset': {
    subject: 'Choose a new password for Calling In',
    body: [
      'Someone, probably you, asked to choose a new password for your Calling In account.',
      'The link works once, for the next 30 minutes. If you did not ask, you can ignore this email: your password stays as it is.',
    ],
    action: 'Choose a new password',
  },
  'email-change-confirm': {
    subject: 'Confirm your new email address for Calling In',
    body: [
      'You asked to use this address for your Calling In account.',
      'Nothing changes until you open the link, which works once, for the next 24 hours. If you did not ask, you can ignore this email.',
    ],
    action: 'Confirm this address',
  },
  'email-changed': {
    subject: 'Your Calling In account has a new email address',
    body: [
      'The email address of your Calling In account has been changed, so emails from it will go to the new address from now on.',
      'If you did not make this change, please tell the person who runs Calling In for your community as soon as you can.',
    ],
    action: null,
  },
  'password-changed': {
    subject: 'Your Calling In password was changed',
    body: [
      'The password of your Calling In account has been changed, and other browsers were signed out.',
      'If this was you, there is nothing else to do. If it was not, choose a new password with the link below.',
    ],
    action: 'Choose a new password',
  },
  'invitation-confirm': {
    subject: 'Confirm your address to join on Calling In',
    body: [
      'Someone, probably you, used this address to accept an invitation to a community on Calling In.',
      'Your account is made, and you join, only when you open the link. It works once, for the next 60 minutes. If it was not you, you can ignore this email: nothing is made.',
    ],
    action: 'Confirm and join',
  },
  'invitation-account-exists': {
    subject: 'You already have a Calling In account',
    body: [
      'Someone, probably you, used this address to accept an invitation to a community on Calling In. This address already has an account, so no new one was made.',
      'To accept the invitation, sign in first, then open the invitation link again. If it was not you, you can ignore this email: nothing has changed.',
    ],
    action: 'Sign in',
  },
};

export function renderAccountEmail(
  name: AccountEmailTemplate,
  input: { recipientName: string | null; link: string | null },
): RenderedEmail {
  const t = templates[name];
  const flat = (input.recipientName ?? '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, 80);
  const greeting = flat ? `Hello ${flat},` : 'Hello,';
  const action = t.action && input.link ? { words: t.action, link: input.link } : null;
  const footer = 'This email is private to you, so please do not forward it.';
  const text = [
    greeting,
    '',
    ...t.body.flatMap((p) => [p, '']),
    ...(action ? [`${action.words}: ${action.link}`, ''] : []),
    '—',
    footer,
    '',
  ].join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="en"><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2328; max-width: 36em;">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...t.body.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(action
      ? [`<p><a href="${escapeHtml(action.link)}">${escapeHtml(action.words)}</a></p>`]
      : []),
    `<p style="color: #57606a; font-size: 0.9em;">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: t.subject, text, html };
}
