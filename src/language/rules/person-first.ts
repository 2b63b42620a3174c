import type { RulePackData } from './pack.ts';
export const personFirst: RulePackData = {
  language: 'en',
  category: 'ableist',
  severity: 'nudge',
  rules: [],
};
