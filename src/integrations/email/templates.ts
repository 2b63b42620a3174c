// The emails Calling In sends: one per step of the flow. Each carries a private link and never
// the narrative, quotes, or anyone else's name; subject lines say only which community wrote
// (and, for an urgent concern, that it is urgent).
// The words are plain and warm, and pass the product's own language checker.

import {
  notificationTemplates as templateNames,
  type NotificationTemplate as TemplateName,
} from '../../contract/vocabulary.ts';

export { templateNames, type TemplateName };

interface TemplateText {
  subject: (community: string) => string;
  /** Paragraphs of the body; `{community}` is replaced. */
  body: string[];
  action: string;
}

const templates: Record<TemplateName, TemplateText> = {
  'consent-request': {
    subject: (c) => `A private question from ${c}`,
    body: [
      'Someone at {community} would like to ask you something before anything else happens.',
      'It is your choice. Nothing goes ahead without your answer, you can set conditions, and you can change your mind at any time.',
    ],
    action: 'Read and answer privately',
  },
  'consent-withdrawn': {
    subject: (c) => `An update from ${c}`,
    body: [
      'A call-in you were preparing at {community} has been stopped, so please do not send anything more about it.',
      'Thank you for the care you have already put in. There is nothing else you need to do.',
    ],
    action: 'See the details',
  },
  'call-in-stopped': {
    subject: (c) => `An update from ${c}`,
    body: [
      'A call-in at {community} has been stopped. Nothing more will be sent to the person it was for.',
      'There is nothing you need to do. The call-in page shows where things stand.',
    ],
    action: 'See the call-in',
  },
  'consent-request-withdrawn': {
    subject: (c) => `An update from ${c}`,
    body: [
      'Earlier, someone at {community} sent you a private question. It was sent to this address by mistake, or it has been asked somewhere else, so it is no longer waiting for you.',
      'You do not need to do anything, and the earlier link no longer opens. We are sorry for the bother.',
    ],
    action: 'About Calling In',
  },
  'consent-address-proposed': {
    subject: (c) => `An update from ${c}`,
    body: [
      'Someone calling in at {community} has suggested where to ask the harmed person for their consent.',
      'Nothing is sent until an organizer who is not calling in checks the address and confirms it.',
    ],
    action: 'Check the address',
  },
  'member-address-proposed': {
    subject: (c) => `An update from ${c}`,
    body: [
      'Someone calling in at {community} has suggested the email address of the person they are calling in.',
      'Nothing goes to that address until an organizer who is not calling in checks it and confirms it.',
    ],
    action: 'Check the address',
  },
  'ally-offer': {
    subject: (c) => `A private message from ${c}`,
    body: [
      'An organizer at {community} has asked whether you would hold a call-in.',
      'It is your choice: you can take it on, or say no without giving a reason.',
    ],
    action: 'See the request',
  },
  'call-in-message': {
    subject: (c) => `A private message from ${c}`,
    body: [
      'Someone at {community} has written to you privately.',
      'It is the start of a conversation, not a verdict. Take your time to read it, and reply when you are ready.',
    ],
    action: 'Read the message',
  },
  'call-in-reply': {
    subject: (c) => `A private message from ${c}`,
    body: ['There is a new reply in a private conversation you are part of at {community}.'],
    action: 'Read the reply',
  },
  'organizer-asked': {
    subject: (c) => `A private message from ${c}`,
    body: [
      'The person in a call-in at {community} has asked to talk to an organizer.',
      'Please look at the call-in when you can, or ask another organizer to.',
    ],
    action: 'See the call-in',
  },
  'follow-up-reminder': {
    subject: (c) => `A gentle reminder from ${c}`,
    body: [
      'Some time has passed since a conversation you held at {community}. This is a reminder to check in and see how things are going.',
      'If now is not a good time, that is fine: you can pass this on or step back.',
    ],
    action: 'Open the follow-up',
  },
  'reporter-update': {
    subject: (c) => `An update from ${c}`,
    body: [
      'There is an update on something you raised at {community}.',
      'Thank you for trusting the organizers with it.',
    ],
    action: 'See the update',
  },
  'check-in': {
    subject: (c) => `Checking in from ${c}`,
    body: [
      'Someone holding call-ins at {community} has logged a hard conversation.',
      'It may be a good moment to check in with the people doing this work. The care page shows how the load is spread.',
    ],
    action: 'See the care page',
  },
  'enforcement-notice': {
    subject: (c) => `A private message from ${c}`,
    body: [
      'The organizers of {community} have written to you privately about a decision that affects you.',
      'The message explains what it means for you and how to ask for it to be looked at again if you disagree.',
    ],
    action: 'Read the message',
  },
  'appeal-update': {
    subject: (c) => `An update from ${c}`,
    body: ['There is an update on the review you asked for at {community}.'],
    action: 'See the update',
  },
  'appeal-received': {
    subject: (c) => `An update from ${c}`,
    body: [
      'Someone at {community} has asked for a decision to be looked at again.',
      'An organizer who did not make the decision can review it.',
    ],
    action: 'See the appeals',
  },
  'new-concern': {
    subject: (c) => `An update from ${c}`,
    body: [
      'Someone raised a new concern at {community}. As an organizer, you can read it and decide on a next step.',
      'What it says stays in Calling In; this email only tells you it is there.',
    ],
    action: 'Open the concern',
  },
  'urgent-concern': {
    subject: (c) => `Urgent: please look at a message from ${c}`,
    body: [
      'Someone raised a concern at {community} and marked it urgent: they think someone may be in danger right now.',
      'Please look at it as soon as you can. What it says stays in Calling In; this email only tells you it is there.',
    ],
    action: 'Open the concern now',
  },
  'new-concerns-digest': {
    subject: (c) => `An update from ${c}`,
    body: [
      'One or more new concerns were raised at {community} since your last daily email. As an organizer, you can read them in the inbox.',
      'You chose one email a day for new concerns. You can change that on your notifications page.',
    ],
    action: 'Open the inbox',
  },
  'ally-request': {
    subject: (c) => `A private message from ${c}`,
    body: [
      'A request for an ally was posted at {community}, and you have room for it.',
      'The board shows only what kind of behaviour it was, never who was involved. Volunteer only if it feels right; saying nothing is fine.',
    ],
    action: 'See the ally board',
  },
  'caller-released': {
    subject: (c) => `An update from ${c}`,
    body: [
      'The person holding a call-in at {community} no longer has a role that lets them hold it, so it is back with the organizers to match.',
      'Nothing more goes out from them. When you find someone new, they will ask the harmed person again before anything else happens.',
    ],
    action: 'Find someone new',
  },
  'appeal-needs-organizer': {
    subject: (c) => `An update from ${c}`,
    body: [
      'Someone at {community} has asked for a decision to be looked at again. The organizer who made a decision cannot also decide its appeal, and right now there is no other organizer.',
      'Please invite a second organizer, someone independent if you can, so the appeal can be decided.',
    ],
    action: 'Invite an organizer',
  },
  'reporter-question': {
    subject: (c) => `A private question from ${c}`,
    body: [
      'The organizers looking at something you raised at {community} have a question for you.',
      'Answer only if you want to, and only what you are comfortable sharing. The question stays in Calling In; this email only tells you it is there.',
    ],
    action: 'Read the question',
  },
  'reporter-answered': {
    subject: (c) => `An update from ${c}`,
    body: [
      'The person who raised a concern at {community} has written something new on it. As an organizer, you can read it on the concern page.',
      'What they wrote stays in Calling In; this email only tells you it is there.',
    ],
    action: 'Open the concern',
  },
  'follow-alert': {
    subject: (c) => `An update from ${c}`,
    body: [
      'Something changed on a concern you raised at {community}, or someone there has a question for you.',
      'To see it, open the private link you were given when you raised it. For your privacy this email does not include it.',
      'You asked for this email on that page, and you can stop these emails there at any time.',
    ],
    action: 'About Calling In',
  },
  'case-needs-organizer': {
    subject: (c) => `An update from ${c}`,
    body: [
      'A concern at {community} has no organizer who can handle it: everyone who could is kept away from it, as you are by the conflict you declared.',
      'Please invite an independent organizer, someone with no part in it, so it can be looked at. It stays safely where it is until then.',
    ],
    action: 'Invite an organizer',
  },
  'case-needs-organizer-operator': {
    subject: (c) => `An update from ${c}`,
    body: [
      'A concern in {community} has no organizer who can handle it: each of its organizers is kept away from it.',
      'Please help them invite an independent organizer. You do not need to know anything about the concern, and nothing about it is shared with you.',
    ],
    action: 'Open Calling In',
  },
};

export interface RenderInput {
  communityName: string;
  /** The recipient's own name, for the greeting. */
  recipientName: string | null;
  link: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** One line, no control characters, bounded: safe in a subject or a greeting. */
function oneLine(s: string, max: number): string {
  const flat = s
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function renderEmail(name: TemplateName, input: RenderInput): RenderedEmail {
  const t = templates[name];
  const community = oneLine(input.communityName, 80) || 'your community';
  const greeting = input.recipientName ? `Hello ${oneLine(input.recipientName, 80)},` : 'Hello,';
  const paragraphs = t.body.map((p) => p.replaceAll('{community}', community));
  const footer = [
    `You are receiving this because you take part in ${community} on Calling In.`,
    'This link is private to you, so please do not forward this email.',
  ];
  const text = [
    greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    `${t.action}: ${input.link}`,
    '',
    '—',
    ...footer,
    '',
  ].join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="en"><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2328; max-width: 36em;">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(t.action)}</a></p>`,
    `<p style="color: #57606a; font-size: 0.9em;">${footer.map(escapeHtml).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: oneLine(t.subject(community), 120), text, html };
}
