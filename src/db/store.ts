// The repositories, and a way to run several of them in one transaction. Domain functions ask
// for the few repositories they use (Pick<Repositories, ...>), never for the whole set.
import type { Kysely } from 'kysely';
import type { DatabaseHandle, DialectName } from './client.ts';
import { createGroupCommitter } from './group-commit.ts';
import { noReadCache, type ReadCache } from './read-cache.ts';
import { callInsRepository } from './repositories/call-ins.repository.ts';
import { careRepository } from './repositories/care.repository.ts';
import { enforcementRepository } from './repositories/enforcement.repository.ts';
import { accountLinksRepository } from './repositories/account-links.repository.ts';
import { invitationSignupsRepository } from './repositories/invitation-signups.repository.ts';
import { apiTokensRepository } from './repositories/api-tokens.repository.ts';
import { auditRepository, type AuditSeal } from './repositories/audit.repository.ts';
import { conflictsRepository } from './repositories/conflicts.repository.ts';
import { communitiesRepository } from './repositories/communities.repository.ts';
import { concernsRepository } from './repositories/concerns.repository.ts';
import { jobsRepository } from './repositories/jobs.repository.ts';
import { invitationsRepository } from './repositories/invitations.repository.ts';
import { membershipsRepository } from './repositories/memberships.repository.ts';
import { noticesRepository } from './repositories/notices.repository.ts';
import { reporterRepository } from './repositories/reporter.repository.ts';
import { privacyRepository } from './repositories/privacy.repository.ts';
import { sessionsRepository } from './repositories/sessions.repository.ts';
import { setupTokensRepository } from './repositories/setup-tokens.repository.ts';
import { triageRepository } from './repositories/triage.repository.ts';
import { usersRepository } from './repositories/users.repository.ts';
import type { Database } from './schema.ts';

/** `cache` only for reads outside a transaction: inside one, reads must see its own writes. */
export function createRepositories(
  db: Kysely<Database>,
  dialect: DialectName,
  seal: AuditSeal,
  cache: ReadCache = noReadCache,
) {
  return {
    users: usersRepository(db),
    sessions: sessionsRepository(db, cache),
    setupTokens: setupTokensRepository(db),
    accountLinks: accountLinksRepository(db),
    invitationSignups: invitationSignupsRepository(db),
    communities: communitiesRepository(db),
    memberships: membershipsRepository(db, cache),
    invitations: invitationsRepository(db),
    apiTokens: apiTokensRepository(db, cache),
    concerns: concernsRepository(db, cache),
    conflicts: conflictsRepository(db),
    triage: triageRepository(db),
    audit: auditRepository(db, dialect, seal),
    jobs: jobsRepository(db),
    privacy: privacyRepository(db),
    callIns: callInsRepository(db),
    care: careRepository(db),
    enforcement: enforcementRepository(db),
    notices: noticesRepository(db),
    reporter: reporterRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/** A transaction that hands its work only the repositories it names. */
export type Tx<R extends keyof Repositories> = <T>(
  fn: (repos: Pick<Repositories, R>) => Promise<T>,
) => Promise<T>;

export interface Store {
  repos: Repositories;
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** `seal`: how audit entries are sealed (the audit key lives outside the database). */
export function createStore(handle: DatabaseHandle, seal: AuditSeal): Store {
  const { db, dialect } = handle;
  if (dialect === 'sqlite') {
    const grouped = createGroupCommitter(db);
    return {
      repos: createRepositories(db, dialect, seal, handle.readCache),
      transaction: (fn) => grouped((trx) => fn(createRepositories(trx, dialect, seal))),
    };
  }
  return {
    repos: createRepositories(db, dialect, seal),
    transaction: (fn) =>
      db.transaction().execute((trx) => fn(createRepositories(trx, dialect, seal))),
  };
}
