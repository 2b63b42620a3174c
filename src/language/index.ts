/**
 * Public API of the language checker. This folder imports nothing else from the project
 * (Node built-ins, and franc-min to tell languages apart), so it could be published alone.
 */
export {
  MAX_CHECK_TEXT,
  TextTooLongError,
  check,
  checkLongText,
  checkWithMatcher,
  createChecker,
} from './check.ts';
export { PACK_LANGUAGES, detectLanguage } from './detect.ts';
export type { Checker } from './check.ts';
export { compileRules } from './compile.ts';
export type { Matcher } from './compile.ts';
export {
  ConfigError,
  assertConfig,
  loadConfigFile,
  parseConfig,
  validateConfig,
} from './config.ts';
export { formatJson, formatSarif, formatText, toJsonFindings } from './format.ts';
export type { FileFindings, JsonFinding } from './format.ts';
export { CHECK_HELP, STDIN_NAME, runCheck } from './cli.ts';
export type { CheckIo } from './cli.ts';
export { coachDraft } from './draft-coach.ts';
export type { DraftCoachOptions } from './draft-coach.ts';
export { coachReply } from './reply-coach.ts';
export type { CoachFinding, CoachResult } from './coach.ts';
export { MAX_API_TEXT, checkRequestSchema, parseCheckRequest, toApiFindings } from './api.ts';
export type { ApiFinding, CheckRequest, ParsedCheckRequest } from './api.ts';
export { builtInRules, englishPacks, englishRules, otherLanguagePacks } from './rules/index.ts';
export type { RuleInput, RulePackData } from './rules/pack.ts';
export { validateRules } from './validate-rule.ts';
export type { Problem } from './validate-rule.ts';
export { CATEGORIES, SEVERITIES } from './types.ts';
export type {
  Category,
  CheckOptions,
  CheckerConfig,
  Finding,
  Occurrence,
  RuleData,
  Severity,
} from './types.ts';
