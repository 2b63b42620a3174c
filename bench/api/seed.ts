// Prepares the benchmark's data directory: a community with an organizer and an API token
// (made through the real domain functions), then N concerns with real encrypted content and
// their chained audit entries, written directly through Kysely in large transactions.
import { openContext } from '../../src/app.ts';
import type { Config } from '../../src/config/env.ts';
import { auditEntryRow } from '../../src/db/records.ts';
import type { AuditLogTable, ConcernsTable } from '../../src/db/schema.ts';
import { chainEntry } from '../../src/domain/audit/audit.ts';
import { createCommunity } from '../../src/domain/accounts/communities.ts';
import { acceptInvitation, createInvitation } from '../../src/domain/accounts/invitations.ts';
import { createApiToken } from '../../src/domain/accounts/api-tokens.ts';
import { contentContext, type ConcernContent } from '../../src/domain/intake/concerns.ts';
import { hashSecret, newSecret, newTimeOrderedId } from '../../src/domain/common/tokens.ts';

export interface Seeded {
  communityId: string;
  intakeId: string;
  apiToken: string;
  session: { cookie: string; csrfToken: string };
  concerns: number;
  seconds: number;
}

const harmed = ['me', 'someone-else', 'group', 'unknown'] as const;
const wants = ['self', 'ally', 'organizers', 'record'] as const;
const statuses = ['new', 'new', 'new', 'triaged', 'in-progress', 'closed'] as const;
const categories = ['inconsiderate-language', 'exclusion', 'microaggression', 'other'];
const sources = ['web', 'api', 'public-form', 'slack', 'discord', 'email'] as const;

// A few SQLite bound parameters per row: 16 columns x 500 rows stays under every limit.
const ROWS_PER_INSERT = 500;
const ROWS_PER_TRANSACTION = 10_000;

export async function seed(config: Config, count: number): Promise<Seeded> {
  const started = performance.now();
  const ctx = await openContext(config);
  try {
    const tx = ctx.store.transaction.bind(ctx.store);
    const cli = { kind: 'cli' } as const;
    const community = await createCommunity(tx, ctx.clock, cli, {
      slug: 'bench',
      name: 'Bench Community',
    });
    const inv = await createInvitation(tx, ctx.clock, cli, community.id, {
      role: 'organizer',
      maxUses: 1,
      expiresInDays: 7,
    });
    const joined = await acceptInvitation(
      tx,
      ctx.store.repos,
      ctx.clock,
      { ttlHours: config.sessionTtlHours },
      { kind: 'public' },
      inv.token,
      {
        email: 'organizer@bench.example',
        password: 'a long and kind passphrase',
        displayName: 'Ada Organizer',
      },
    );
    if (!joined.session) throw new Error('Accepting the invitation gave no session.');
    const organizer = { kind: 'user', userId: joined.userId, isOperator: false } as const;
    const token = await createApiToken(tx, ctx.clock, organizer, community.id, 'bench');

    // Concerns from a year ago up to a minute ago, oldest first, like a real inbox.
    const { db } = ctx.database;
    const end = Date.now() - 60_000;
    const step = (365 * 86_400_000) / count;
    let previous = await ctx.store.repos.audit.last();
    let chain = previous ? { seq: Number(previous.seq), hash: previous.hash } : undefined;
    for (let done = 0; done < count;) {
      const inThisTransaction = Math.min(ROWS_PER_TRANSACTION, count - done);
      const concerns: ConcernsTable[] = [];
      const audit: AuditLogTable[] = [];
      for (let i = 0; i < inThisTransaction; i++) {
        const n = done + i;
        const at = new Date(end - (count - n) * step).toISOString();
        const id = newTimeOrderedId(Date.parse(at));
        const anonymous = n % 5 === 0;
        const subject = `member_${n % 2_000}`;
        const content: ConcernContent = {
          what: `In thread #${n} they wrote "hey guys, this is a no-brainer" and laughed off the replies.`,
          quotes: ['hey guys, this is a no-brainer'],
          links: [`https://forum.example.org/t/${n}`],
          impact: 'It made several of us feel we were not part of the conversation.',
          harmedName: null,
          aboutName: subject,
          contact: anonymous ? null : 'reporter@example.org',
        };
        concerns.push({
          id,
          community_id: community.id,
          status: statuses[n % statuses.length]!,
          urgency: n % 50 === 0 ? 'urgent' : 'normal',
          categories: JSON.stringify([categories[n % categories.length]]),
          harmed: harmed[n % harmed.length]!,
          wants: wants[n % wants.length]!,
          subject_user_id: null,
          subject_key: ctx.cipher.blindIndex(subject),
          subject_tokens: null,
          reporter_user_id: anonymous ? null : joined.userId,
          anonymous: anonymous ? 1 : 0,
          source: sources[n % sources.length]!,
          content: ctx.cipher.encrypt(content, contentContext({ id, communityId: community.id })),
          subject_line: null,
          follow_lookup: id,
          follow_verifier_hash: hashSecret(newSecret()),
          created_at: at,
          updated_at: at,
        });
        const entry = chainEntry(
          chain,
          {
            communityId: community.id,
            actorKind: anonymous ? 'public' : 'user',
            actorId: anonymous ? null : joined.userId,
            action: 'concern.raise',
            targetType: 'concern',
            targetId: id,
          },
          at,
          ctx.store.repos.audit.seal,
        );
        audit.push(auditEntryRow(entry));
        chain = entry;
      }
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < concerns.length; i += ROWS_PER_INSERT) {
          await trx
            .insertInto('concerns')
            .values(concerns.slice(i, i + ROWS_PER_INSERT))
            .execute();
          await trx
            .insertInto('audit_log')
            .values(audit.slice(i, i + ROWS_PER_INSERT))
            .execute();
        }
      });
      done += inThisTransaction;
    }
    previous = await ctx.store.repos.audit.last();
    if (Number(previous?.seq) !== chain?.seq) throw new Error('The audit chain did not line up.');
    return {
      communityId: community.id,
      intakeId: community.intakeId,
      apiToken: token.token,
      session: {
        cookie: `callin_session=${joined.session.token}`,
        csrfToken: joined.session.csrfToken,
      },
      concerns: count,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await ctx.database.close();
  }
}
