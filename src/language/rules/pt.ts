import type { RulePackData } from './pack.ts';
export const portuguesePacks: RulePackData[] = [];
