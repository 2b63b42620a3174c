import type { RuleData } from '../types.ts';
import { validateRules } from '../validate-rule.ts';
import { ableist } from './ableist.ts';
import { age, body } from './age-body.ts';
import { condescending } from './condescending.ts';
import { gendered } from './gendered.ts';
import { moreGendered } from './gendered-more.ts';
import { insults } from './insults.ts';
import { moreInsults } from './insults-more.ts';
import { lgbtq } from './lgbtq.ts';
import { mentalHealth } from './mental-health.ts';
import { expandPack } from './pack.ts';
import type { RulePackData } from './pack.ts';
import { profanity } from './profanity.ts';
import { racialised } from './racialised.ts';
import { slurs } from './slurs.ts';
import { germanPacks } from './de.ts';
import { spanishPacks } from './es.ts';
import { frenchPacks } from './fr.ts';
import { portuguesePacks } from './pt.ts';
import { personFirst } from './person-first.ts';
import { moreFamilies } from './families-more.ts';

/** The English rule packs, in the order they are compiled. */
export const englishPacks: readonly RulePackData[] = [
  gendered,
  moreGendered,
  ableist,
  personFirst,
  mentalHealth,
  racialised,
  lgbtq,
  age,
  body,
  condescending,
  insults,
  moreInsults,
  slurs,
  profanity,
  ...moreFamilies,
];

/** Every built-in English rule, validated once at load time. */
export const englishRules: readonly RuleData[] = validateRules(
  englishPacks.flatMap(expandPack),
  'src/language/rules',
);

/** Rule packs for Spanish, German, French and Portuguese, applied per detected language. */
export const otherLanguagePacks: readonly RulePackData[] = [
  ...spanishPacks,
  ...germanPacks,
  ...frenchPacks,
  ...portuguesePacks,
];

/** Every built-in rule, in every language, validated once at load time. */
export const builtInRules: readonly RuleData[] = [
  ...englishRules,
  ...validateRules(otherLanguagePacks.flatMap(expandPack), 'src/language/rules'),
];
