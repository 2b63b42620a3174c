import { describe, expect, it } from 'vitest';
import { stageWords } from '../../contract/stage-words.ts';
import { callInStatuses, caseStages } from '../../contract/vocabulary.ts';
import { caseStage, callInStage, latestByConcern } from './case-stage.ts';

describe('where a case stands', () => {
  it('waits for the harmed person only once they were asked', () => {
    const c = { status: 'awaiting-consent', consentMode: 'person' } as const;
    expect(callInStage({ ...c, consentStatus: 'not-requested' })).toBe('preparing');
    expect(callInStage({ ...c, consentStatus: 'pending' })).toBe('awaiting-answer');
    expect(callInStage({ ...c, consentMode: 'organizer', consentStatus: 'not-requested' })).toBe(
      'awaiting-approval',
    );
  });

  it('says why a call-in stopped', () => {
    const c = { status: 'stopped', consentMode: 'person' } as const;
    expect(callInStage({ ...c, consentStatus: 'declined' })).toBe('stopped-declined');
    expect(callInStage({ ...c, consentStatus: 'withdrawn' })).toBe('stopped-withdrawn');
  });

  it('takes the concern, then its latest call-in', () => {
    const ready = { status: 'ready', consentMode: 'person', consentStatus: 'given' } as const;
    expect(caseStage('new', undefined)).toBe('received');
    expect(caseStage('triaged', undefined)).toBe('decided');
    expect(caseStage('in-progress', ready)).toBe('ready');
    expect(caseStage('closed', ready)).toBe('closed');
    const latest = latestByConcern([
      { ...ready, concernId: 'a', createdAt: '2026-12-01T10:00:00.000Z' },
      { ...ready, status: 'stopped', concernId: 'a', createdAt: '2026-12-01T09:00:00.000Z' },
    ]);
    expect(latest.get('a')?.status).toBe('ready');
  });

  it('has a stage with words for every call-in status, and words for every stage', () => {
    for (const status of callInStatuses)
      for (const consentStatus of ['not-requested', 'pending', 'given', 'withdrawn'] as const)
        expect(caseStages).toContain(callInStage({ status, consentMode: 'person', consentStatus }));
    for (const stage of caseStages) {
      expect(stageWords[stage].label.length).toBeGreaterThan(0);
      expect(stageWords[stage].reporter).toMatch(/\.$/);
    }
  });
});
