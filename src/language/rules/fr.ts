import type { RulePackData } from './pack.ts';
export const frenchPacks: RulePackData[] = [];
