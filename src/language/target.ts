/**
 * Whether a word is aimed at a person ("you're an idiot", "he is so stupid") rather than at
 * a thing ("this code is a mess") or at oneself ("I'm an idiot, fixed"); and whether a
 * pronoun follows a generic person ("the user … he").
 */
import { SENTENCE_END, wordsAfter, wordsBefore } from './context.ts';

const FILLERS = new Set([
  'a',
  'an',
  'the',
  'such',
  'so',
  'very',
  'really',
  'complete',
  'completely',
  'total',
  'totally',
  'absolute',
  'absolutely',
  'utter',
  'utterly',
  'fucking',
  'fuckin',
  'freaking',
  'frickin',
  'bloody',
  'damn',
  'damned',
  'goddamn',
  'big',
  'huge',
  'little',
  'real',
  'pure',
  'just',
  'like',
  'bit',
  'of',
  'kind',
  'sort',
  'truly',
  'incredibly',
  'quite',
  'pretty',
  'too',
  'most',
  'more',
  'clearly',
  'obviously',
  'basically',
  'literally',
  'such',
  'stupid',
  'dumb',
  'lazy',
  'pathetic',
  'worthless',
  'useless',
  'clueless',
  'ignorant',
  'entitled',
  'whiny',
  'arrogant',
  'incompetent',
  'fat',
  'ugly',
  'old',
  'brainless',
  'sad',
  'miserable',
  'lying',
  'filthy',
  'dirty',
  'stubborn',
  'insufferable',
  'massive',
  'ignorant',
  'all',
  'both',
  'still',
  'always',
  'now',
  'even',
]);
const DIRECT = new Set([
  'you',
  'u',
  'ya',
  'ye',
  'yall',
  "y'all",
  'youse',
  "you're",
  'youre',
  'ur',
  "he's",
  "she's",
  "you've",
  'youve',
  'thou',
  "you'd",
  "you'll",
]);
const VERBS = new Set([
  'are',
  'is',
  'was',
  'were',
  'r',
  'be',
  'been',
  'being',
  'seem',
  'seems',
  'sound',
  'sounds',
  'look',
  'looks',
  'act',
  'acts',
  'acting',
  'become',
  'became',
  'remain',
  'stay',
  'call',
  'called',
]);
const SUBJECTS = new Set([
  'you',
  'u',
  'he',
  'she',
  'guys',
  'people',
  'folks',
  'yall',
  "y'all",
  'everyone',
  'everybody',
  'devs',
  'maintainers',
  "don't",
  'dont',
  'stop',
  'quit',
  'never',
  'him',
  'her',
  'them',
  'dude',
  'bro',
  'man',
  'lady',
  'boy',
  'girl',
  'kid',
]);
const AFTER = new Set(['you', 'u', 'ya', 'yall', "y'all"]);

/** The insult between `start` and `end` is aimed at a person. */
export function aimedAtPerson(text: string, start: number, end: number): boolean {
  const before = wordsBefore(text, start, 8, true);
  let k = 0;
  while (k < before.length && k < 5 && FILLERS.has(before[k] ?? '')) k++;
  const w = before[k];
  if (w !== undefined) {
    if (DIRECT.has(w)) return true;
    if (VERBS.has(w) && SUBJECTS.has(before[k + 1] ?? '')) return true;
  }
  const after = wordsAfter(text, end, 2, true);
  if (after[0] === 'like' && AFTER.has(after[1] ?? '')) return true;
  return after[0] === 'of' && AFTER.has(after[1] ?? '');
}

const GENERIC_NOUNS = new Set([
  'user',
  'developer',
  'dev',
  'programmer',
  'coder',
  'contributor',
  'maintainer',
  'reviewer',
  'author',
  'reader',
  'person',
  'customer',
  'admin',
  'administrator',
  'operator',
  'engineer',
  'client',
  'player',
  'member',
  'newcomer',
  'beginner',
  'student',
  'employee',
  'applicant',
  'candidate',
  'caller',
  'committer',
  'submitter',
  'tester',
  'owner',
  'visitor',
  'attendee',
  'participant',
  'patient',
  'doctor',
  'nurse',
  'teacher',
  'manager',
  'lawyer',
  'scientist',
  'researcher',
  'speaker',
  'writer',
  'human',
  'individual',
  'volunteer',
]);
const DETERMINERS = new Set(['a', 'an', 'any', 'each', 'every', 'the']);
const GENERIC_PRONOUNS = new Set(['anyone', 'anybody', 'everyone', 'everybody', 'whoever']);
/** With "the", only roles that are nearly always generic. */
const GENERIC_WITH_THE = new Set([
  'user',
  'reader',
  'caller',
  'customer',
  'player',
  'visitor',
  'applicant',
  'candidate',
]);

/**
 * A pronoun that follows a generic person in the same sentence ("if a user … he"), with no
 * name in between (a name means a real person: "someone asked Jeff so he could").
 */
export function afterGenericPerson(text: string, start: number): boolean {
  const before = wordsBefore(text, start, 14, true, SENTENCE_END);
  let found = -1;
  for (let i = 0; i < before.length && found < 0; i++) {
    const w = before[i] ?? '';
    const d = before[i + 1] ?? '';
    if (GENERIC_PRONOUNS.has(w)) found = i;
    else if (GENERIC_NOUNS.has(w) && DETERMINERS.has(d) && (d !== 'the' || GENERIC_WITH_THE.has(w)))
      found = i;
  }
  if (found < 0) return false;
  // A capitalised word after the generic person (not "I") suggests a named, real person.
  const window = text.slice(Math.max(0, start - 120), start);
  const tail = window.slice(window.toLowerCase().lastIndexOf(before[found] ?? '') + 1);
  if (tail.includes('@')) return false;
  return !/[\s,(]([A-Z][a-z]+)\b/.test(tail.replace(/\bI\b/g, 'i'));
}
