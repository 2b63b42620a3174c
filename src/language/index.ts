/**
 * Public API of the language checker. This folder imports nothing else from the project.
 */
export { check, checkWithMatcher, createChecker } from './check.ts';
export type { Checker } from './check.ts';
export { compileRules } from './compile.ts';
export type { Matcher } from './compile.ts';
export { englishPacks, englishRules } from './rules/index.ts';
export { validateRules } from './validate-rule.ts';
export { CATEGORIES, SEVERITIES } from './types.ts';
export type { Category, CheckOptions, CheckerConfig, Finding, RuleData, Severity } from './types.ts';
