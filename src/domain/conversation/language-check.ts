// The language checker as the product uses it: one compiled checker per community
// configuration (compiling takes a fraction of a second, so it is cached), and the validation
// of a community's language settings.
import { AppError, fieldError } from '../../config/errors.ts';
import {
  coachDraft,
  createChecker,
  builtInRules,
  toApiFindings,
  validateConfig,
  type Checker,
  type CheckerConfig,
  type Finding,
} from '../../language/index.ts';
import type { Repositories } from '../../db/store.ts';
import { authorize, requireSignedIn } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';
import { parseSettings } from '../accounts/community-settings.ts';
import type { DraftCoach } from './conversation-guide.ts';

// Every built-in rule, in every language pack, may be named in `disable` and `allow`.
const knownRuleIds: ReadonlySet<string> = new Set(builtInRules.map((r) => r.id));
const cache = new Map<string, Checker>();
const CACHE_LIMIT = 64;

/** Throws validation_failed naming each problem when a language configuration is unusable. */
export function validateLanguageConfig(value: unknown): CheckerConfig {
  const problems = validateConfig(value, knownRuleIds);
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      problems.map((p) => fieldError(['settings', 'language', ...p.path].join('.'), p.message)),
    );
  }
  return value as CheckerConfig;
}

/**
 * The language settings a signed-in person checks with: a community's own when they name one
 * they belong to, the defaults otherwise.
 */
export async function languageConfigFor(
  repos: Pick<Repositories, 'memberships' | 'communities'>,
  actor: Actor,
  communityId: string | undefined,
): Promise<CheckerConfig | null> {
  if (!communityId) {
    // Without a community, anyone signed in checks with the defaults.
    requireSignedIn(actor);
    return null;
  }
  await authorize(repos, actor, 'language.check', { communityId });
  const community = await repos.communities.findById(communityId);
  if (!community) throw new AppError('not_found');
  return parseSettings(community.settings).language;
}

export function checkerFor(config: CheckerConfig | null): Checker {
  const key = JSON.stringify(config ?? {});
  let checker = cache.get(key);
  if (!checker) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
    checker = createChecker(config ?? {});
    cache.set(key, checker);
  }
  return checker;
}

export function checkText(config: CheckerConfig | null, text: string, markdown: boolean) {
  return toApiFindings(checkerFor(config).check(text, { markdown }));
}

/**
 * A language finding's words as advice: the excerpt already quotes the word, so the words say
 * only why and what to try (the checker's own message starts with the quote, for the CLI).
 */
function adviceWords(f: Finding): string {
  const times = f.count !== undefined && f.count > 1 ? `It appears ${f.count} times. ` : '';
  const tries = f.suggestions.slice(0, 3).map((s) => `"${s}"`);
  return `${times}${f.explanation}${tries.length > 0 ? ` Consider ${tries.join(', ')}.` : ''}`;
}

/** The language checker's draft coach, in the shape the call-in workflow asks for. */
export const languageDraftCoach: DraftCoach = {
  review(draft) {
    const result = coachDraft(draft);
    return [
      ...result.findings.map((f) => ({
        kind: f.id,
        message: `${f.why} ${f.suggestion}`,
        ...(f.text ? { excerpt: f.text } : {}),
      })),
      ...result.language.map((f) => ({
        kind: `language:${f.ruleId}`,
        message: adviceWords(f),
        excerpt: f.text,
      })),
    ];
  },
};
