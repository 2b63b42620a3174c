// Words that fit the reader (issue 10, build item 6): every template is rendered for every
// reader the table in src/contract/notifications.ts says it may go to, and its words and link
// are checked against that reader. Then real flows show each notification goes only to a reader
// its template is written for, with a link to the page the table names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationAudience, type NotificationPage } from '../../src/contract/notifications.ts';
import {
  accountEmailTemplates,
  notificationTemplates,
  type NotificationReader,
  type NotificationTemplate,
} from '../../src/contract/vocabulary.ts';
import { check } from '../../src/language/check.ts';
import { renderAccountEmail } from '../../src/integrations/email/account-templates.ts';
import { renderEmail } from '../../src/integrations/email/templates.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  buildCast,
  notifications,
  raiseAndTriage,
  tokenOf,
  type SentNotification,
} from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { noticeText } from '../../src/domain/notifications/notices.ts';
import { testDialects } from '../helpers/db.ts';
import { buildMember } from '../helpers/factories.ts';

/** Where each page's links point (the web routes, or their /communities/ alias). */
const pageLinks: Record<NotificationPage, RegExp> = {
  'consent-link': /^https?:\/\/[^/]+\/consent\/[^/]+$/,
  'member-link': /^https?:\/\/[^/]+\/called-in\/[^/]+$/,
  'follow-link': /^https?:\/\/[^/]+\/follow\/[^/]+$/,
  'call-in': /^https?:\/\/[^/]+\/(c|communities)\/[^/]+\/call-ins\/[^/]+$/,
  offers: /^https?:\/\/[^/]+\/(c|communities)\/[^/]+\/offers$/,
  care: /^https?:\/\/[^/]+\/(c|communities)\/[^/]+\/care$/,
  enforcements: /^https?:\/\/[^/]+\/(c|communities)\/[^/]+\/enforcements$/,
  'my-enforcement': /^https?:\/\/[^/]+\/me\/enforcements\/[^/]+$/,
  'my-concerns': /^https?:\/\/[^/]+\/me\/concerns$/,
  'my-concern': /^https?:\/\/[^/]+\/me\/concerns\/[^/]+$/,
  concern: /^https?:\/\/[^/]+\/(c|communities)\/[^/]+\/concerns\/[^/]+$/,
  inbox: /^https?:\/\/[^/]+\/(c|communities)\/[^/]+\/inbox$/,
  'ally-board': /^https?:\/\/[^/]+\/(c|communities)\/[^/]+\/ally-board$/,
  invitations: /^https?:\/\/[^/]+\/(c|communities)\/[^/]+\/invitations$/,
  home: /^https?:\/\/[^/]+\/?$/,
};

/** The pages each reader can open (signed in with their role, or by their private link). */
const opensFor: Record<NotificationReader, readonly NotificationPage[]> = {
  organizer: ['call-in', 'care', 'enforcements', 'concern', 'inbox', 'ally-board', 'invitations'],
  caller: ['call-in', 'offers', 'care'],
  ally: ['offers', 'call-in', 'care', 'ally-board'],
  harmed: ['consent-link', 'follow-link', 'home'],
  member: ['member-link', 'my-enforcement'],
  reporter: ['follow-link', 'my-concerns', 'my-concern', 'home'],
  operator: ['home'],
};

/** Words that are true only for some readers: whoever else reads them is told something false. */
const onlyFor: { words: RegExp; readers: readonly NotificationReader[] }[] = [
  { words: /\byou raised\b/i, readers: ['reporter'] },
  { words: /\byou (were preparing|held|are part of)\b/i, readers: ['caller'] },
  { words: /\bthe review you asked for\b/i, readers: ['member'] },
  { words: /\b(written to you privately|a decision that affects you)\b/i, readers: ['member'] },
  { words: /\bhow you are doing\b/i, readers: [] },
  { words: /\byou decide whether they go ahead\b/i, readers: [] },
  { words: /\bwould like to ask you something\b/i, readers: ['harmed'] },
  { words: /\bhas asked whether you would hold\b/i, readers: ['ally'] },
];

const LINK = (page: NotificationPage) =>
  ({
    'consent-link': 'https://callin.example.org/consent/abc',
    'member-link': 'https://callin.example.org/called-in/abc',
    'follow-link': 'https://callin.example.org/follow/abc',
    'call-in': 'https://callin.example.org/communities/c1/call-ins/x1',
    offers: 'https://callin.example.org/communities/c1/offers',
    care: 'https://callin.example.org/communities/c1/care',
    enforcements: 'https://callin.example.org/communities/c1/enforcements',
    'my-enforcement': 'https://callin.example.org/me/enforcements/e1',
    'my-concerns': 'https://callin.example.org/me/concerns',
    'my-concern': 'https://callin.example.org/me/concerns/k1',
    concern: 'https://callin.example.org/communities/c1/concerns/k1',
    inbox: 'https://callin.example.org/communities/c1/inbox',
    'ally-board': 'https://callin.example.org/communities/c1/ally-board',
    invitations: 'https://callin.example.org/communities/c1/invitations',
    home: 'https://callin.example.org/',
  })[page];

const cases = notificationTemplates.flatMap((template) =>
  notificationAudience[template].readers.map((reader) => [template, reader] as const),
);

describe('every template, for every reader it may go to', () => {
  it('has readers for every template', () => {
    for (const t of notificationTemplates)
      expect(notificationAudience[t].readers.length).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThanOrEqual(notificationTemplates.length);
  });

  it.each(cases)('%s, read by the %s, says what is true for them', (template, reader) => {
    const { opens } = notificationAudience[template];
    expect(pageLinks[opens].test(LINK(opens))).toBe(true);
    // The link leads to a page this reader can open.
    expect(opensFor[reader]).toContain(opens);
    const email = renderEmail(template, {
      communityName: 'Friendly Project',
      recipientName: 'Pat Reader',
      link: LINK(opens),
    });
    const words = `${email.subject}\n${email.text}`;
    for (const rule of onlyFor) {
      if (!rule.readers.includes(reader)) expect(words).not.toMatch(rule.words);
    }
    expect(email.text).toContain('Friendly Project');
    expect(email.text).toContain(LINK(opens));
    // Nothing from the case: the only names are the reader's own and the community's.
    expect(email.text).not.toMatch(/\{[a-z]+\}/);
    expect(check(email.text, { markdown: false })).toEqual([]);
    // The same event's notice in the app, in one line, fits the same reader.
    const notice = noticeText[template].replaceAll('{community}', 'Friendly Project');
    for (const rule of onlyFor) {
      if (!rule.readers.includes(reader)) expect(notice).not.toMatch(rule.words);
    }
    expect(notice).toContain('Friendly Project');
    expect(check(notice, { markdown: false })).toEqual([]);
  });

  it('notices an email written for the wrong reader (the three from issue 10)', () => {
    const wrong = [
      'An ally at Friendly Project has offered to help with something you raised. You decide whether they go ahead.',
      'We wanted to see how you are doing after a recent conversation at Friendly Project.',
      'A call-in you were preparing has been stopped.',
    ];
    const readers: NotificationReader[] = ['ally', 'organizer', 'organizer'];
    for (const [i, text] of wrong.entries()) {
      const reader = readers[i]!;
      const broken = onlyFor.filter((r) => !r.readers.includes(reader) && r.words.test(text));
      expect(broken.length).toBeGreaterThan(0);
    }
  });
});

describe('emails about one\u2019s own account', () => {
  it.each(accountEmailTemplates)(
    '%s speaks to the account holder, with nothing of any case',
    (name) => {
      const link = 'https://callin.example.org/reset-password/abc';
      const email = renderAccountEmail(name, { recipientName: 'Pat Reader', link });
      const words = `${email.subject}\n${email.text}`;
      expect(words).not.toMatch(/\b(you raised|call-in|concern|harmed|organizer)\b/i);
      expect(words.toLowerCase()).not.toMatch(
        /\b(guys|crazy|sanity|insane|lame|dumb|simply|just)\b/,
      );
      expect(check(words, { markdown: false })).toEqual([]);
      // A link only where there is something to do; a note that only tells carries none.
      if (name === 'email-changed') expect(email.text).not.toContain(link);
      else expect(email.text).toContain(link);
    },
  );
});

describe.each(testDialects())('notifications reach only their readers on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  function expectFits(sent: SentNotification[], readerOf: (userId: string) => NotificationReader) {
    expect(sent.length).toBeGreaterThan(0);
    for (const n of sent) {
      const template = n.template as NotificationTemplate;
      const audience = notificationAudience[template];
      expect(audience, n.template).toBeDefined();
      const reader = n.to.userId ? readerOf(n.to.userId) : 'harmed';
      expect(audience.readers, `${n.template} to the ${reader}`).toContain(reader);
      expect(n.link, n.template).toMatch(pageLinks[audience.opens]);
    }
  }

  it('an offer goes to the ally, worded for them; a hard conversation asks organizers to check in', async () => {
    const cast = await buildCast(t);
    const { communityId, organizer, ally } = cast;
    const second = await buildMember(t, communityId, 'organizer', 'Bea Organizer');
    const api = `/api/communities/${communityId}`;
    const concern = await raiseAndTriage(cast);
    const opened = await organizer.post(`${api}/concerns/${concern.id}/call-ins`, {});
    expect(opened.status).toBe(201);
    const callInId = opened.body.id as string;
    const before = (await notifications(t)).length;
    const offered = await organizer.post(`${api}/call-ins/${callInId}/offers`, {
      userId: ally.userId,
    });
    expect(offered.status).toBe(201);
    const offer = (await notifications(t)).slice(before);
    expect(offer.map((n) => [n.template, n.to])).toEqual([['ally-offer', { userId: ally.userId }]]);
    expectFits(offer, () => 'ally');
    const text = renderEmail('ally-offer', {
      communityName: 'Friendly Project',
      recipientName: 'Alex Ally',
      link: offer[0]!.link,
    }).text;
    expect(text).not.toMatch(/you raised|whether they go ahead/i);

    // The ally takes it on and logs a draining conversation: the organizers are asked to check
    // in with the people doing the work; the ally is not asked how they are doing.
    const accepted = await ally.post(`${api}/offers/${offered.body.id}/accept`, {});
    expect(accepted.status).toBeLessThan(300);
    const mark = (await notifications(t)).length;
    const logged = await ally.post(`${api}/care/logs`, { callInId, minutes: 30, drain: 5 });
    expect(logged.status).toBe(201);
    const checkIns = (await notifications(t)).slice(mark);
    expect(checkIns.map((n) => n.template)).toEqual(['check-in', 'check-in']);
    expect(checkIns.map((n) => n.to.userId).sort()).toEqual(
      [organizer.userId, second.userId].sort(),
    );
    expectFits(checkIns, () => 'organizer');
  });

  it('a withdrawal tells the caller and the organizers, each in their own words', async () => {
    const cast = await buildCast(t);
    const { communityId, organizer, ally, reporter, member } = cast;
    const api = `/api/communities/${communityId}`;
    const concern = await raiseAndTriage(cast);
    const taken = await ally.post(`${api}/ally-board/${concern.id}/volunteer`);
    expect(taken.status).toBe(201);
    const callInId = taken.body.id as string;
    const ci = `${api}/call-ins/${callInId}`;
    const mark = (await notifications(t)).length;
    expect((await ally.post(`${ci}/consent-request`, {})).status).toBeLessThan(300);
    const consent = (await notifications(t)).slice(mark);
    const token = tokenOf(consent[0]!.link);
    const stranger = new Client(t.app);
    expect(
      (await stranger.post(`/api/public/consent/${token}`, { decision: 'agree' })).status,
    ).toBeLessThan(300);
    const stopMark = (await notifications(t)).length;
    expect((await stranger.post(`/api/public/consent/${token}/withdraw`, {})).status).toBe(200);
    const stopped = (await notifications(t)).slice(stopMark);
    expect(stopped.map((n) => [n.template, n.to.userId]).sort()).toEqual(
      [
        ['consent-withdrawn', ally.userId],
        ['call-in-stopped', organizer.userId],
      ].sort(),
    );
    const all = (await notifications(t)).slice(mark);
    expectFits(all, (userId) => {
      if (userId === ally.userId) return 'caller';
      if (userId === organizer.userId) return 'organizer';
      if (userId === reporter.userId) return 'harmed';
      if (userId === member.userId) return 'member';
      throw new Error('a notification to someone outside the case');
    });
  });
});
