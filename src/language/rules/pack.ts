import type { Category, RuleData, Severity } from '../types.ts';

/** A rule as written in a pack: category, severity and language default to the pack's. */
export type RuleInput = Omit<RuleData, 'category' | 'language' | 'severity'> &
  Partial<Pick<RuleData, 'category' | 'language' | 'severity'>>;

/** A file of rules sharing a language, a category and a default severity. */
export interface RulePackData {
  language: string;
  category: Category;
  severity: Severity;
  rules: RuleInput[];
}

/** Expand a pack's defaults into full rules (validation happens in the loader). */
export function expandPack(pack: RulePackData): RuleData[] {
  return pack.rules.map((r) => ({
    ...r,
    category: r.category ?? pack.category,
    severity: r.severity ?? pack.severity,
    language: r.language ?? pack.language,
  }));
}
