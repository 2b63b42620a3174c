import type { RulePackData } from './pack.ts';
export const spanishPacks: RulePackData[] = [];
