// Per-community settings, stored as JSON (the repository hands over the saved object) and always
// read through here so missing keys fall back to defaults.
import type { StoredSettings } from '../../db/records.ts';
import type { CheckerConfig } from '../../language/index.ts';
import { defaultThresholds, type TriageThresholds } from '../triage/triage.ts';

export interface CommunitySettings {
  triage: TriageThresholds;
  /** Days after an outcome before the follow-up reminder. */
  followUpDays: number;
  /** Days a closed case is kept before it is purged down to anonymous counts. */
  retentionDays: number;
  /** Whether the public form offers to raise a concern anonymously. */
  allowAnonymous: boolean;
  /** The community's language checker configuration (rules off, allowed words, own rules). */
  language: CheckerConfig | null;
}

export const defaultSettings: CommunitySettings = {
  triage: defaultThresholds,
  followUpDays: 14,
  retentionDays: 365,
  allowAnonymous: true,
  language: null,
};

export function parseSettings(stored: StoredSettings): CommunitySettings {
  const raw = stored as Partial<CommunitySettings>;
  return {
    ...defaultSettings,
    ...raw,
    triage: { ...defaultSettings.triage, ...(raw.triage ?? {}) },
  };
}

export type SettingsPatch = Partial<Omit<CommunitySettings, 'triage'>> & {
  triage?: Partial<TriageThresholds>;
};

export function mergeSettings(current: CommunitySettings, patch: SettingsPatch): CommunitySettings {
  return { ...current, ...patch, triage: { ...current.triage, ...(patch.triage ?? {}) } };
}
