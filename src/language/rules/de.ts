import type { RulePackData } from './pack.ts';
export const germanPacks: RulePackData[] = [];
