// The schemas of every request and response of the API, by resource.
export * from './primitives.ts';
export * from './accounts.ts';
export * from './communities.ts';
export * from './invitations.ts';
export * from './concerns.ts';
export * from './triage.ts';
export * from './handoff.ts';
export * from './consent.ts';
export * from './call-ins.ts';
export * from './member.ts';
export * from './care.ts';
export * from './enforcement.ts';
export * from './privacy.ts';
export * from './language.ts';
export * from './system.ts';
export * from './notices.ts';
export * from './reporter.ts';
