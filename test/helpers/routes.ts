// A shared catalogue of the API for the authorization matrix and the bad-input tests: the
// routes Fastify really registered, a small world of people in two communities, and for each
// route a valid request (fresh resources where the request changes something), so that what a
// test varies (who asks, or what they send) is the only thing that can make it fail.
import crypto from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { Role } from '../../src/db/schema.ts';
import { startSession } from '../../src/domain/accounts/accounts.ts';
import type { Actor } from '../../src/domain/access/actor.ts';
import { createCommunity } from '../../src/domain/accounts/communities.ts';
import { createInvitation } from '../../src/domain/accounts/invitations.ts';
import { createApiToken } from '../../src/domain/accounts/api-tokens.ts';
import { raiseConcern } from '../../src/domain/intake/concerns.ts';
import { hashPassword } from '../../src/domain/accounts/passwords.ts';
import { hashSecret } from '../../src/domain/common/tokens.ts';
import type { RegisteredRoute, TestApp } from './app.ts';
import { notifications, tokenOf } from './call-ins.ts';
import { concernBody, PASSWORD, uniqueEmail } from './factories.ts';

// ---- the routes Fastify registered --------------------------------------------------------

export type { RegisteredRoute };

/** Every /api route (without the automatic HEAD twins), as the server's onRoute hook heard them. */
export function registeredApiRoutes(t: TestApp): RegisteredRoute[] {
  return t.routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
}

// ---- the world ----------------------------------------------------------------------------

export const actorNames = [
  'anonymous',
  'member',
  'ally',
  'organizer',
  'operator',
  'otherOrganizer',
  'token',
  'otherToken',
] as const;
export type ActorName = (typeof actorNames)[number];

export interface Person {
  userId: string;
  email: string;
}

export interface World {
  t: TestApp;
  /** The community every route is aimed at. */
  a: {
    id: string;
    intakeId: string;
    concernId: string;
    followToken: string;
    /** A call-in held by the ally, for harm the member reported against the subject. */
    callInId: string;
  };
  /** Another community, with its own organizer and token. */
  b: { id: string; intakeId: string; concernId: string };
  people: Record<
    'member' | 'ally' | 'organizer' | 'operator' | 'otherOrganizer' | 'subject',
    Person
  >;
  /** An API token for community A made by its organizer; one for B made by B's organizer. */
  tokens: { token: string; otherToken: string };
  /** Text that appears only in community A's case content. */
  marker: string;
}

let sharedHash: Promise<string> | undefined;

/** A person with a real password (hashed once per file, to keep argon2 cheap). */
export async function addPerson(
  t: TestApp,
  label: string,
  opts: { operator?: boolean } = {},
): Promise<Person> {
  sharedHash ??= hashPassword(PASSWORD);
  const userId = crypto.randomUUID();
  const email = uniqueEmail(label);
  await t.ctx.store.repos.users.insert({
    id: userId,
    email,
    displayName: `${label} person`,
    passwordHash: await sharedHash,
    isOperator: opts.operator ?? false,
    createdAt: new Date().toISOString(),
    erasedAt: null,
  });
  return { userId, email };
}

export async function addMember(
  t: TestApp,
  communityId: string,
  role: Role,
  label: string = role,
): Promise<Person> {
  const p = await addPerson(t, label);
  await t.ctx.store.repos.memberships.insert({
    communityId,
    userId: p.userId,
    role,
    createdAt: new Date().toISOString(),
  });
  return p;
}

const userActor = (p: Person): Actor => ({ kind: 'user', userId: p.userId, isOperator: false });
export const txOf = (t: TestApp) => t.ctx.store.transaction.bind(t.ctx.store);

export async function raiseAs(
  t: TestApp,
  p: Person,
  communityId: string,
  overrides: Record<string, unknown> = {},
  aboutUserId: string | null = null,
) {
  const b = concernBody(overrides) as ReturnType<typeof concernBody> & { about: { name: string } };
  return raiseConcern(
    txOf(t),
    { clock: t.ctx.clock, cipher: t.ctx.cipher },
    userActor(p),
    { communityId },
    {
      what: b.what,
      quotes: b.quotes,
      links: b.links,
      impact: b.impact,
      harmed: (overrides.harmed as 'me' | 'someone-else' | undefined) ?? 'me',
      harmedName: (overrides.harmedName as string | undefined) ?? null,
      about: { userId: aboutUserId, name: aboutUserId ? null : b.about.name },
      wants: 'ally',
      urgent: false,
      categories: [],
      anonymous: false,
      contact: null,
    },
    'web',
  );
}

export async function buildWorld(t: TestApp): Promise<World> {
  const tx = txOf(t);
  const slug = () => `c-${crypto.randomBytes(4).toString('hex')}`;
  const a = await createCommunity(
    tx,
    t.ctx.clock,
    { kind: 'cli' },
    { slug: slug(), name: 'Community A' },
  );
  const b = await createCommunity(
    tx,
    t.ctx.clock,
    { kind: 'cli' },
    { slug: slug(), name: 'Community B' },
  );
  const people = {
    member: await addMember(t, a.id, 'member'),
    ally: await addMember(t, a.id, 'ally'),
    organizer: await addMember(t, a.id, 'organizer'),
    operator: await addPerson(t, 'operator', { operator: true }),
    otherOrganizer: await addMember(t, b.id, 'organizer', 'other-organizer'),
    subject: await addMember(t, a.id, 'member', 'subject'),
  };
  const marker = `MARKER-${crypto.randomBytes(6).toString('hex')}`;
  const concernA = await raiseAs(t, people.member, a.id, { what: `A private account: ${marker}` });
  const concernB = await raiseAs(t, people.otherOrganizer, b.id);
  const token = await createApiToken(
    tx,
    t.ctx.clock,
    userActor(people.organizer),
    a.id,
    'matrix token',
  );
  const otherToken = await createApiToken(
    tx,
    t.ctx.clock,
    userActor(people.otherOrganizer),
    b.id,
    'other token',
  );
  // A call-in in A: the member reports harm to themselves by the subject; the ally volunteers.
  const partial = { t, people, a: { id: a.id } } as World;
  const volunteered = await send(
    t.app,
    await credentialsFor(partial, 'ally'),
    'POST',
    `/api/communities/${a.id}/ally-board/${await triagedForAlly(partial)}/volunteer`,
    {},
  );
  if (volunteered.status !== 201) throw new Error(`volunteer failed: ${volunteered.text}`);
  return {
    t,
    a: {
      id: a.id,
      intakeId: a.intakeId,
      concernId: concernA.id,
      followToken: concernA.followToken,
      callInId: (volunteered.body as { id: string }).id,
    },
    b: { id: b.id, intakeId: b.intakeId, concernId: concernB.id },
    people,
    tokens: { token: token.token, otherToken: otherToken.token },
    marker,
  };
}

/** Undo what a cell may have done to who belongs where (accepting an invitation joins A). */
export async function restoreMemberships(w: World): Promise<void> {
  for (const p of [w.people.operator, w.people.otherOrganizer]) {
    await w.t.ctx.store.repos.memberships.delete(w.a.id, p.userId);
  }
}

// ---- credentials and requests -------------------------------------------------------------

export interface Credentials {
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

/** Fresh credentials for one request: a new session for people, the token for tokens. */
export async function credentialsFor(w: World, actor: ActorName | 'subject'): Promise<Credentials> {
  switch (actor) {
    case 'anonymous':
      return {};
    case 'token':
    case 'otherToken': {
      // Signing out everywhere revokes the owner's tokens too (issue 9): each request gets the
      // token as it was made.
      const token = actor === 'token' ? w.tokens.token : w.tokens.otherToken;
      await w.t.database.handle.db
        .updateTable('api_tokens')
        .set({ revoked_at: null })
        .where('token_hash', '=', hashSecret(token))
        .execute();
      return { bearer: token };
    }
    case 'member':
    case 'ally':
    case 'organizer':
    case 'operator':
    case 'otherOrganizer':
    case 'subject': {
      const s = await startSession(
        w.t.ctx.store.repos.sessions,
        w.t.ctx.clock,
        { ttlHours: 1 },
        w.people[actor].userId,
      );
      return { cookie: `callin_session=${s.token}`, csrf: s.csrfToken };
    }
  }
}

export function headersFor(creds: Credentials, method: string): Record<string, string> {
  const h: Record<string, string> = {};
  if (creds.cookie) h.cookie = creds.cookie;
  if (creds.csrf && method !== 'GET') h['x-csrf-token'] = creds.csrf;
  if (creds.bearer) h.authorization = `Bearer ${creds.bearer}`;
  return h;
}

export interface Sent {
  status: number;
  body: any;
  text: string;
  raw: LightMyRequestResponse;
}

export async function send(
  app: FastifyInstance,
  creds: Credentials,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Sent> {
  const options: InjectOptions = {
    method: method,
    url,
    headers: { ...headersFor(creds, method), ...headers },
  };
  if (body !== undefined)
    options.payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : (body as object);
  const raw = await app.inject(options);
  let parsed: unknown = raw.body;
  try {
    parsed = raw.body ? JSON.parse(raw.body) : null;
  } catch {
    /* not JSON */
  }
  return { status: raw.statusCode, body: parsed, text: raw.body, raw };
}

// ---- a valid request for every route ------------------------------------------------------

export interface RouteRequest {
  url: string;
  body?: unknown;
}

type Builder = (w: World, actor: ActorName) => Promise<RouteRequest>;

const actorPerson = (w: World, actor: ActorName): Person | null => {
  switch (actor) {
    case 'member':
    case 'ally':
    case 'organizer':
    case 'operator':
    case 'otherOrganizer':
      return w.people[actor];
    case 'token':
      return w.people.organizer;
    case 'otherToken':
      return w.people.otherOrganizer;
    case 'anonymous':
      return null;
  }
};

const answers = {
  categories: ['inconsiderate-language'],
  immediateDanger: false,
  intent: 'thoughtless',
  publicHarm: 'few',
};

/** A concern in A by the member about the subject, asking for an ally, triaged to a call-in. */
export async function triagedForAlly(
  w: World,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const c = await raiseAs(w.t, w.people.member, w.a.id, overrides, w.people.subject.userId);
  const r = await send(
    w.t.app,
    await credentialsFor(w, 'organizer'),
    'POST',
    `/api/communities/${w.a.id}/concerns/${c.id}/triage`,
    { answers, decision: 'call-in', reason: 'A first, thoughtless remark.' },
  );
  if (r.status !== 201) throw new Error(`triage failed: ${r.text}`);
  return c.id;
}

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const UNKNOWN_LINK = 'a'.repeat(43);
const callIn = (w: World, rest = '') =>
  `/api/communities/${w.a.id}/call-ins/${w.a.callInId}${rest}`;

/**
 * A fresh consent link: harm to someone outside the community, an ally volunteers and asks
 * that person by email; the link is read from the queued email, as the mailer would send it.
 */
export async function consentLink(w: World): Promise<string> {
  const concernId = await triagedForAlly(w, { harmed: 'someone-else', harmedName: 'Kim' });
  // A fresh ally each time: allies have a capacity, and a full one is offered no more work.
  const person = await addMember(w.t, w.a.id, 'ally', 'consent-ally');
  const session = await startSession(
    w.t.ctx.store.repos.sessions,
    w.t.ctx.clock,
    { ttlHours: 1 },
    person.userId,
  );
  const ally = { cookie: `callin_session=${session.token}`, csrf: session.csrfToken };
  const base = `/api/communities/${w.a.id}`;
  const v = await send(w.t.app, ally, 'POST', `${base}/ally-board/${concernId}/volunteer`, {});
  if (v.status !== 201) throw new Error(`volunteer failed: ${v.text}`);
  const asked = await send(
    w.t.app,
    ally,
    'POST',
    `${base}/call-ins/${(v.body as { id: string }).id}/consent-request`,
    {
      email: uniqueEmail('harmed'),
      name: 'Kim',
    },
  );
  if (asked.status !== 200) throw new Error(`consent request failed: ${asked.text}`);
  // The caller only proposes the address; an organizer who is not the caller confirms it.
  const confirmed = await send(
    w.t.app,
    await credentialsFor(w, 'organizer'),
    'POST',
    `${base}/call-ins/${(v.body as { id: string }).id}/consent-request/confirmation`,
    {},
  );
  if (confirmed.status !== 200) throw new Error(`consent confirmation failed: ${confirmed.text}`);
  const links = (await notifications(w.t)).filter((n) => n.link.includes('/consent/'));
  const last = links.at(-1);
  if (!last) throw new Error('no consent link was queued');
  return tokenOf(last.link);
}

async function freshInvitation(w: World, role: Role = 'member') {
  return createInvitation(txOf(w.t), w.t.ctx.clock, { kind: 'cli' }, w.a.id, {
    role,
    maxUses: 1,
    expiresInDays: 7,
  });
}

/**
 * A valid request per route key. Requests that change something get fresh resources, so every
 * actor meets the same situation. Other engineers: add your routes here (and to the matrix).
 */
export const validRequests: Record<string, Builder> = {
  'GET /api/health': async () => ({ url: '/api/health' }),
  'GET /api/openapi.json': async () => ({ url: '/api/openapi.json' }),
  'POST /api/setup': async () => ({
    url: '/api/setup',
    body: {
      token: 'a-setup-link-that-was-never-issued',
      email: uniqueEmail('setup'),
      password: PASSWORD,
      displayName: 'Sam Setup',
    },
  }),
  'POST /api/auth/sign-in': async (w) => ({
    url: '/api/auth/sign-in',
    body: { email: w.people.member.email, password: PASSWORD },
  }),
  'POST /api/auth/sign-out': async () => ({ url: '/api/auth/sign-out', body: {} }),
  'POST /api/auth/sign-out-everywhere': async () => ({
    url: '/api/auth/sign-out-everywhere',
    body: {},
  }),
  'GET /api/auth/whoami': async () => ({ url: '/api/auth/whoami' }),
  // An address of its own each time (asking about one address is limited to a few an hour).
  'POST /api/auth/forgot-password': async () => ({
    url: '/api/auth/forgot-password',
    body: { email: uniqueEmail('forgot') },
  }),
  // Links nobody was given: everyone meets the same "expired or used" answer.
  'GET /api/auth/reset-password/:token': async () => ({
    url: '/api/auth/reset-password/a-reset-link-never-issued',
  }),
  'POST /api/auth/reset-password/:token': async () => ({
    url: '/api/auth/reset-password/a-reset-link-never-issued',
    body: { password: PASSWORD },
  }),
  'POST /api/invitations/confirm': async () => ({
    url: '/api/invitations/confirm',
    body: { token: 'a-signup-link-never-issued-to-anyone' },
  }),
  'POST /api/auth/confirm-email/:token': async () => ({
    url: '/api/auth/confirm-email/an-email-link-never-issued',
    body: {},
  }),
  // A wrong current password, so people reach the password check and nothing changes.
  'POST /api/me/password': async () => ({
    url: '/api/me/password',
    body: { currentPassword: 'not the password at all', newPassword: 'another kind passphrase' },
  }),
  'POST /api/me/email': async () => ({
    url: '/api/me/email',
    body: { password: 'not the password at all', newEmail: uniqueEmail('moving') },
  }),
  'GET /api/me': async () => ({ url: '/api/me' }),
  'GET /api/me/concerns': async () => ({ url: '/api/me/concerns' }),
  'GET /api/communities': async () => ({ url: '/api/communities' }),
  'POST /api/communities': async () => ({
    url: '/api/communities',
    body: { slug: `n-${crypto.randomBytes(5).toString('hex')}`, name: 'A new community' },
  }),
  'GET /api/communities/:communityId': async (w) => ({ url: `/api/communities/${w.a.id}` }),
  'PATCH /api/communities/:communityId': async (w) => ({
    url: `/api/communities/${w.a.id}`,
    body: { name: 'Community A' },
  }),
  'GET /api/communities/:communityId/settings': async (w) => ({
    url: `/api/communities/${w.a.id}/settings`,
  }),
  'GET /api/communities/:communityId/members': async (w) => ({
    url: `/api/communities/${w.a.id}/members`,
  }),
  'PATCH /api/communities/:communityId/members/:userId': async (w) => {
    const p = await addMember(w.t, w.a.id, 'member', 'role-change');
    return { url: `/api/communities/${w.a.id}/members/${p.userId}`, body: { role: 'ally' } };
  },
  'DELETE /api/communities/:communityId/members/:userId': async (w) => {
    const p = await addMember(w.t, w.a.id, 'member', 'leaving');
    return { url: `/api/communities/${w.a.id}/members/${p.userId}` };
  },
  'GET /api/communities/:communityId/audit': async (w) => ({
    url: `/api/communities/${w.a.id}/audit`,
  }),
  'GET /api/communities/:communityId/counts': async (w) => ({
    url: `/api/communities/${w.a.id}/counts`,
  }),
  'POST /api/communities/:communityId/invitations': async (w) => ({
    url: `/api/communities/${w.a.id}/invitations`,
    body: { role: 'member', maxUses: 1, expiresInDays: 7 },
  }),
  'GET /api/communities/:communityId/invitations': async (w) => ({
    url: `/api/communities/${w.a.id}/invitations`,
  }),
  'DELETE /api/communities/:communityId/invitations/:invitationId': async (w) => {
    const inv = await freshInvitation(w);
    return { url: `/api/communities/${w.a.id}/invitations/${inv.id}` };
  },
  'POST /api/communities/:communityId/tokens': async (w) => ({
    url: `/api/communities/${w.a.id}/tokens`,
    body: { name: 'A script' },
  }),
  'GET /api/communities/:communityId/tokens': async (w) => ({
    url: `/api/communities/${w.a.id}/tokens`,
  }),
  'DELETE /api/communities/:communityId/tokens/:tokenId': async (w, actor) => {
    // The acting person's own token when they belong to A; otherwise the organizer's.
    const self = actorPerson(w, actor);
    const owner =
      self && (await w.t.ctx.store.repos.memberships.find(w.a.id, self.userId))
        ? self
        : w.people.organizer;
    const tok = await createApiToken(
      txOf(w.t),
      w.t.ctx.clock,
      userActor(owner),
      w.a.id,
      'to revoke',
    );
    return { url: `/api/communities/${w.a.id}/tokens/${tok.id}` };
  },
  'POST /api/communities/:communityId/concerns': async (w) => ({
    url: `/api/communities/${w.a.id}/concerns`,
    body: concernBody(),
  }),
  'GET /api/communities/:communityId/concerns': async (w) => ({
    url: `/api/communities/${w.a.id}/concerns`,
  }),
  'GET /api/communities/:communityId/concerns/:concernId': async (w) => ({
    url: `/api/communities/${w.a.id}/concerns/${w.a.concernId}`,
  }),
  'POST /api/communities/:communityId/concerns/:concernId/triage/recommendation': async (w) => ({
    url: `/api/communities/${w.a.id}/concerns/${w.a.concernId}/triage/recommendation`,
    body: answers,
  }),
  'POST /api/communities/:communityId/concerns/:concernId/triage': async (w) => {
    const c = await raiseAs(w.t, w.people.member, w.a.id);
    return {
      url: `/api/communities/${w.a.id}/concerns/${c.id}/triage`,
      body: { answers, decision: 'call-in', reason: 'A first, thoughtless remark.' },
    };
  },
  'POST /api/communities/:communityId/concerns/:concernId/conflict': async (w) => {
    const c = await raiseAs(w.t, w.people.member, w.a.id);
    return { url: `/api/communities/${w.a.id}/concerns/${c.id}/conflict`, body: {} };
  },
  'PUT /api/communities/:communityId/concerns/:concernId/subject': async (w) => {
    const c = await raiseAs(w.t, w.people.member, w.a.id);
    return {
      url: `/api/communities/${w.a.id}/concerns/${c.id}/subject`,
      body: { userId: w.people.member.userId },
    };
  },
  'DELETE /api/communities/:communityId/concerns/:concernId/subject': async (w) => {
    const c = await raiseAs(w.t, w.people.member, w.a.id, {}, w.people.subject.userId);
    return { url: `/api/communities/${w.a.id}/concerns/${c.id}/subject` };
  },
  'GET /api/communities/:communityId/member-search': async (w) => ({
    url: `/api/communities/${w.a.id}/member-search`,
  }),
  'PUT /api/communities/:communityId/concerns/:concernId/subject-line': async (w) => {
    const c = await raiseAs(w.t, w.people.member, w.a.id);
    return {
      url: `/api/communities/${w.a.id}/concerns/${c.id}/subject-line`,
      body: { subject: 'Jokes about accents in #general' },
    };
  },
  'GET /api/communities/:communityId/staff': async (w) => ({
    url: `/api/communities/${w.a.id}/staff`,
  }),
  'GET /api/communities/:communityId/concerns/:concernId/triage': async (w) => ({
    url: `/api/communities/${w.a.id}/concerns/${w.a.concernId}/triage`,
  }),
  'GET /api/invitations/:token': async (w) => ({
    url: `/api/invitations/${(await freshInvitation(w)).token}`,
  }),
  'POST /api/invitations/:token/accept': async (w, actor) => {
    const inv = await freshInvitation(w);
    const body =
      actor === 'anonymous'
        ? { email: uniqueEmail('joiner'), password: PASSWORD, displayName: 'Jo Joiner' }
        : {};
    return { url: `/api/invitations/${inv.token}/accept`, body };
  },
  'GET /api/public/intake/:intakeId': async (w) => ({ url: `/api/public/intake/${w.a.intakeId}` }),
  'POST /api/public/intake/:intakeId/concerns': async (w) => ({
    url: `/api/public/intake/${w.a.intakeId}/concerns`,
    body: concernBody({ anonymous: true }),
  }),
  'GET /api/follow/:token': async (w) => ({ url: `/api/follow/${w.a.followToken}` }),
  'GET /api/follow/:token/messages': async (w) => ({
    url: `/api/follow/${w.a.followToken}/messages`,
  }),
  'POST /api/follow/:token/messages': async (w) => ({
    url: `/api/follow/${w.a.followToken}/messages`,
    body: { text: 'One more thing I remembered.' },
  }),
  'PUT /api/follow/:token/alert': async (w) => ({
    url: `/api/follow/${w.a.followToken}/alert`,
    body: { email: uniqueEmail('alert') },
  }),
  'DELETE /api/follow/:token/alert': async (w) => ({
    url: `/api/follow/${w.a.followToken}/alert`,
  }),
  'GET /api/me/concerns/:concernId/messages': async (w) => ({
    url: `/api/me/concerns/${w.a.concernId}/messages`,
  }),
  'POST /api/me/concerns/:concernId/messages': async (w) => ({
    url: `/api/me/concerns/${w.a.concernId}/messages`,
    body: { text: 'Something I would like to add.' },
  }),
  'GET /api/communities/:communityId/concerns/:concernId/messages': async (w) => ({
    url: `/api/communities/${w.a.id}/concerns/${w.a.concernId}/messages`,
  }),
  'POST /api/communities/:communityId/concerns/:concernId/questions': async (w) => ({
    url: `/api/communities/${w.a.id}/concerns/${w.a.concernId}/questions`,
    body: { text: 'Could you tell us roughly when this happened?' },
  }),

  // ---- privacy: the actor's own account (a wrong password, so nobody is erased here)
  'DELETE /api/me': async () => ({ url: '/api/me', body: { password: 'not the password at all' } }),
  'GET /api/me/export': async () => ({ url: '/api/me/export' }),
  'GET /api/me/notifications': async () => ({ url: '/api/me/notifications' }),
  'GET /api/me/notifications/unread': async () => ({ url: '/api/me/notifications/unread' }),
  'POST /api/me/notifications/read': async () => ({
    url: '/api/me/notifications/read',
    body: { all: true },
  }),
  'GET /api/communities/:communityId/notification-settings': async (w) => ({
    url: `/api/communities/${w.a.id}/notification-settings`,
  }),
  'PUT /api/communities/:communityId/notification-settings': async (w) => ({
    url: `/api/communities/${w.a.id}/notification-settings`,
    body: { newConcerns: 'daily' },
  }),

  // ---- the member's side of a call-in
  'GET /api/me/call-ins': async () => ({ url: '/api/me/call-ins' }),
  'GET /api/me/call-ins/:callInId': async (w) => ({ url: `/api/me/call-ins/${w.a.callInId}` }),
  'POST /api/me/call-ins/:callInId/responses': async (w) => ({
    url: `/api/me/call-ins/${w.a.callInId}/responses`,
    body: { kind: 'need-time' },
  }),
  'POST /api/me/call-ins/:callInId/coach': async (w) => ({
    url: `/api/me/call-ins/${w.a.callInId}/coach`,
    body: { text: 'Sorry if anyone was offended.' },
  }),
  'GET /api/me/enforcements': async () => ({ url: '/api/me/enforcements' }),
  'POST /api/me/enforcements/:enforcementId/appeal': async () => ({
    url: `/api/me/enforcements/${UNKNOWN_ID}/appeal`,
    body: { statement: 'I would like another look at this.' },
  }),

  // ---- ally board, hand-off, consent and the conversation (community A's call-in)
  'GET /api/communities/:communityId/ally-board': async (w) => ({
    url: `/api/communities/${w.a.id}/ally-board`,
  }),
  'POST /api/communities/:communityId/ally-board/:concernId/volunteer': async (w) => ({
    url: `/api/communities/${w.a.id}/ally-board/${await triagedForAlly(w)}/volunteer`,
    body: {},
  }),
  'POST /api/communities/:communityId/concerns/:concernId/call-ins': async (w) => ({
    url: `/api/communities/${w.a.id}/concerns/${await triagedForAlly(w)}/call-ins`,
    body: {},
  }),
  'GET /api/communities/:communityId/call-ins': async (w) => ({
    url: `/api/communities/${w.a.id}/call-ins`,
  }),
  'GET /api/communities/:communityId/call-ins/:callInId': async (w) => ({ url: callIn(w) }),
  'GET /api/communities/:communityId/call-ins/:callInId/candidates': async (w) => ({
    url: callIn(w, '/candidates'),
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/consent': async (w) => ({
    url: callIn(w, '/consent'),
    body: { decision: 'agree' },
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/consent-request': async (w) => ({
    url: callIn(w, '/consent-request'),
    body: {},
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/consent-request/confirmation': async (
    w,
  ) => ({
    url: callIn(w, '/consent-request/confirmation'),
    body: {},
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/consent/withdraw': async (w) => ({
    url: callIn(w, '/consent/withdraw'),
    body: {},
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/consent/approval': async (w) => ({
    url: callIn(w, '/consent/approval'),
    body: { approve: true },
  }),
  'PUT /api/communities/:communityId/call-ins/:callInId/channel': async (w) => ({
    url: callIn(w, '/channel'),
    body: { channel: 'voice' },
  }),
  'PUT /api/communities/:communityId/call-ins/:callInId/member-address': async (w) => ({
    url: callIn(w, '/member-address'),
    body: { email: 'member-elsewhere@example.org' },
  }),
  'PUT /api/communities/:communityId/call-ins/:callInId/draft': async (w) => ({
    url: callIn(w, '/draft'),
    body: {
      text: 'I noticed the word "guys" in the review; it left some people out. Could we talk?',
    },
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/message-advice': async (w) => ({
    url: callIn(w, '/message-advice'),
    body: { text: 'I noticed the word "guys" in the review. How do you see it?' },
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/messages': async (w) => ({
    url: callIn(w, '/messages'),
    body: { text: 'We talked by voice and it went well.' },
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/close': async (w) => ({
    url: callIn(w, '/close'),
    body: {},
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/reopen': async (w) => ({
    url: callIn(w, '/reopen'),
    body: {},
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/outcome': async (w) => ({
    url: callIn(w, '/outcome'),
    body: { outcome: 'acknowledged' },
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/assign': async (w) => ({
    url: callIn(w, '/assign'),
    body: { userId: w.people.ally.userId },
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/offers': async (w) => ({
    url: callIn(w, '/offers'),
    body: { userId: w.people.ally.userId },
  }),
  'POST /api/communities/:communityId/call-ins/:callInId/escalate': async (w) => ({
    url: callIn(w, '/escalate'),
    body: { level: 'correction', reason: 'A written correction about the remark.' },
  }),
  'GET /api/communities/:communityId/offers': async (w) => ({
    url: `/api/communities/${w.a.id}/offers`,
  }),
  'POST /api/communities/:communityId/offers/:offerId/accept': async (w) => ({
    url: `/api/communities/${w.a.id}/offers/${UNKNOWN_ID}/accept`,
    body: {},
  }),
  'POST /api/communities/:communityId/offers/:offerId/decline': async (w) => ({
    url: `/api/communities/${w.a.id}/offers/${UNKNOWN_ID}/decline`,
    body: {},
  }),

  // ---- care for the people doing the work
  'GET /api/communities/:communityId/care/me': async (w) => ({
    url: `/api/communities/${w.a.id}/care/me`,
  }),
  'PATCH /api/communities/:communityId/care/me': async (w) => ({
    url: `/api/communities/${w.a.id}/care/me`,
    body: { capacity: 3 },
  }),
  'POST /api/communities/:communityId/care/logs': async (w) => ({
    url: `/api/communities/${w.a.id}/care/logs`,
    body: { callInId: w.a.callInId, minutes: 20, drain: 2 },
  }),
  'GET /api/communities/:communityId/care/logs': async (w) => ({
    url: `/api/communities/${w.a.id}/care/logs`,
  }),
  'GET /api/communities/:communityId/care/load': async (w) => ({
    url: `/api/communities/${w.a.id}/care/load`,
  }),

  // ---- enforcement
  'POST /api/communities/:communityId/enforcements': async (w) => ({
    url: `/api/communities/${w.a.id}/enforcements`,
    body: {
      concernIds: [w.a.concernId],
      level: 'correction',
      reason: 'A written correction about the remark.',
    },
  }),
  'GET /api/communities/:communityId/enforcements': async (w) => ({
    url: `/api/communities/${w.a.id}/enforcements`,
  }),
  'POST /api/communities/:communityId/appeals/:appealId/decision': async (w) => ({
    url: `/api/communities/${w.a.id}/appeals/${UNKNOWN_ID}/decision`,
    body: { decision: 'upheld' },
  }),

  // ---- private links without an account (an unknown link here: nobody may use it)
  'GET /api/public/consent/:token': async (w) => ({
    url: `/api/public/consent/${await consentLink(w)}`,
  }),
  'POST /api/public/consent/:token': async (w) => ({
    url: `/api/public/consent/${await consentLink(w)}`,
    body: { decision: 'agree' },
  }),
  'POST /api/public/consent/:token/withdraw': async (w) => ({
    url: `/api/public/consent/${await consentLink(w)}/withdraw`,
    body: {},
  }),
  'GET /api/public/called-in/:token': async () => ({
    url: `/api/public/called-in/${UNKNOWN_LINK}`,
  }),
  'POST /api/public/called-in/:token/responses': async () => ({
    url: `/api/public/called-in/${UNKNOWN_LINK}/responses`,
    body: { kind: 'need-time' },
  }),
  'POST /api/public/called-in/:token/claim': async () => ({
    url: `/api/public/called-in/${UNKNOWN_LINK}/claim`,
    body: {},
  }),
  'POST /api/public/called-in/:token/coach': async () => ({
    url: `/api/public/called-in/${UNKNOWN_LINK}/coach`,
    body: { text: 'Sorry if anyone was offended.' },
  }),

  // ---- the language checker, with community A's settings
  'POST /api/language/check': async (w) => ({
    url: '/api/language/check',
    body: { text: 'Hey guys, this is a no-brainer.', communityId: w.a.id },
  }),
  'POST /api/language/coach': async (w) => ({
    url: '/api/language/coach',
    body: { kind: 'draft', text: 'You always do this. Apologise publicly.', communityId: w.a.id },
  }),
};

// ---- what is stored -----------------------------------------------------------------------

/** Row counts of every table (found from the database, so new tables are included). */
export async function countRows(t: TestApp): Promise<Record<string, number>> {
  const db = t.database.handle.db;
  const tables =
    t.database.handle.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
            db,
          )
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(
            db,
          )
        ).rows.map((r) => r.name);
  const out: Record<string, number> = {};
  // Rate-limit counters and the health probe change on purpose with every attempt, wrong or
  // not: counting attempts is what a limit is. Everything else must stay as it was.
  const bookkeeping = new Set(['rate_limits', 'health_probe']);
  for (const name of tables.filter((n) => !bookkeeping.has(n)).sort()) {
    const r = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    out[name] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

export async function auditHead(t: TestApp): Promise<number> {
  const r = await t.database.handle.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}
