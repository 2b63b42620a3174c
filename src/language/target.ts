/**
 * Whether a word is aimed at a person ("you're an idiot", "he is so stupid") rather than at
 * a thing ("this code is a mess") or at oneself ("I'm an idiot, fixed"); and whether a
 * pronoun follows a generic person ("the user … he").
 */
import { SENTENCE_END, wordAfter, wordBefore, wordsAfter, wordsBefore } from './context.ts';

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
  // es, de, fr, pt: articles, intensifiers and swear-word fillers
  'un',
  'una',
  'uno',
  'muy',
  'tan',
  'gran',
  'puto',
  'puta',
  'maldito',
  'maldita',
  'pinche',
  'menudo',
  'ein',
  'eine',
  'einen',
  'einer',
  'total',
  'voll',
  'echt',
  'ganz',
  'richtig',
  'verdammter',
  'verdammte',
  'dummer',
  'dumme',
  'une',
  'tres',
  'vraiment',
  'completement',
  'gros',
  'grosse',
  'sale',
  'pauvre',
  'um',
  'uma',
  'muito',
  'tao',
  'grande',
  'de',
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
  // es, de, fr, pt: "you", "you are", "piece of", "what a"
  'tu',
  'usted',
  'ustedes',
  'vosotros',
  'eres',
  'sos',
  'pedazo',
  'du',
  'bist',
  'vous',
  "t'es",
  'tes',
  'etes',
  'espece',
  'quel',
  'quelle',
  'voce',
  'vc',
  'voces',
  'seu',
  'sua',
  'seus',
  'suas',
  'que',
  // "don't be": no seas, sei nicht, sois pas, não seja
  'seas',
  'sei',
  'sois',
  'seja',
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
  // es, de, fr, pt: "is", "are"
  'es',
  'son',
  'sois',
  'esta',
  'ist',
  'sind',
  'seid',
  'est',
  'sont',
  'e',
  'sao',
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
  'el',
  'ella',
  'ellos',
  'ellas',
  'er',
  'sie',
  'ihr',
  'il',
  'elle',
  'ils',
  'elles',
  'ele',
  'ela',
  'eles',
  'elas',
]);
const AFTER = new Set(['you', 'u', 'ya', 'yall', "y'all"]);

/** People an insult may be said about in the third person: "the maintainer is a moron". */
const PEOPLE = new Set([
  'user',
  'users',
  'dev',
  'devs',
  'developer',
  'developers',
  'programmer',
  'programmers',
  'coder',
  'coders',
  'maintainer',
  'maintainers',
  'author',
  'authors',
  'contributor',
  'contributors',
  'reviewer',
  'reviewers',
  'committer',
  'admin',
  'admins',
  'mod',
  'mods',
  'moderator',
  'moderators',
  'owner',
  'owners',
  'op',
  'guy',
  'guys',
  'dude',
  'dudes',
  'person',
  'people',
  'folks',
  'team',
  'manager',
  'managers',
  'boss',
  'customer',
  'customers',
  'engineer',
  'engineers',
  'newbie',
  'newbies',
  'noobs',
  'kid',
  'kids',
  'man',
  'woman',
  'women',
  'men',
  'boy',
  'girl',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'everyone',
  'everybody',
  'whoever',
  'fellow',
  'colleague',
  'colleagues',
  'coworker',
  'coworkers',
  'lead',
  'designer',
  'designers',
  'intern',
  'interns',
  'reporter',
  'submitter',
]);
/** Words after "user", "team" that make it a thing: "stupid user interface". */
const THING_AFTER = new Set([
  'interface',
  'interfaces',
  'input',
  'inputs',
  'agent',
  'name',
  'names',
  'id',
  'ids',
  'data',
  'error',
  'errors',
  'experience',
  'story',
  'stories',
  'guide',
  'manual',
  'account',
  'accounts',
  'settings',
  'config',
  'group',
  'groups',
  'space',
  'mode',
  'model',
  'list',
  'base',
  'count',
  'facing',
  'page',
  'pages',
  'table',
  'tables',
  'role',
  'roles',
  'session',
  'sessions',
  'profile',
  'object',
  'class',
  'type',
  'field',
  'level',
  'land',
  'city',
  'lead',
  'work',
  'proof',
]);
/** Words that, right after "you insult", make the insult a verb: "can you hack this together". */
const OBJECTS = new Set([
  'this',
  'that',
  'it',
  'the',
  'a',
  'an',
  'around',
  'together',
  'up',
  'out',
  'on',
  'into',
  'to',
  'with',
  'for',
  'your',
  'my',
  'our',
  'his',
  'her',
  'them',
  'me',
  'us',
  'off',
  'in',
  'about',
  'some',
  'these',
  'those',
]);
/** "what idiot wrote this", "which moron decided": a question about who did it. */
const WHO = new Set(['what', 'which', 'whichever', 'whatever']);
/** "only an idiot would", "any moron can": who would do such a thing. */
const WHO_WOULD = new Set(['only', 'any', 'even', 'every', 'no', 'some']);
const WOULD = new Set([
  'would',
  'could',
  'can',
  'will',
  'does',
  'did',
  'thinks',
  'writes',
  'wrote',
  'uses',
  'believes',
  'knows',
  "would've",
  'must',
  'should',
]);
/** Calling someone an insult: "called him an idiot". */
const CALLING = new Set(['call', 'called', 'calling', 'calls', 'consider', 'considers', 'think']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'you', 'u', 'everyone', 'everybody']);

/** "wrote", "did", "decided", "approved": a past deed (regular or irregular). */
const DEEDS = new Set([
  'wrote',
  'did',
  'made',
  'thought',
  'came',
  'broke',
  'put',
  'let',
  'gave',
  'took',
  'chose',
  'built',
  'set',
  'said',
  'left',
  'forgot',
  'is',
  'keeps',
  'writes',
  'does',
  'thinks',
  'would',
  'could',
  'can',
  'ran',
  'wants',
  'uses',
]);
function isDeed(w: string | undefined): boolean {
  if (w === undefined) return false;
  if (w.length > 3 && w.endsWith('ed')) return true;
  return DEEDS.has(w);
}

/** "dumb people like me": said of oneself (`after` holds the words after the match). */
function likeMe(after: string[], i: number): boolean {
  return after[i] === 'like' && (after[i + 1] === 'me' || after[i + 1] === 'myself');
}
/** Words that make "you" plural: "you all", "you both", "you two", "you lot". */
const GROUP = new Set(['all', 'both', 'two', 'three', 'lot', 'lads', 'people', 'folks', 'guys']);
const SOMEONE = new Set(['someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody']);

/**
 * The insult between `start` and `end` is aimed at a person: in the second person ("you're
 * an idiot", "you idiots"), the third ("he is a moron", "the maintainer is an idiot", "what
 * idiot wrote this", "only an idiot would", "stupid users"), or the plural ("you are all
 * clowns"). Words of address in Spanish, German, French and Portuguese count too, for their
 * packs ("eres un idiota", "du bist ein Idiot", "espèce de con", "você é um idiota").
 */
export function aimedAtPerson(text: string, start: number, end: number): boolean {
  // Fast path for the commonest case, "you idiot": one word each side, no lists built.
  const w0 = wordBefore(text, start, true);
  if (DIRECT.has(w0)) {
    const a0 = wordAfter(text, end, true);
    if (a0 !== 'like') return !((w0 === 'you' || w0 === 'u') && OBJECTS.has(a0));
  }
  const before = wordsBefore(text, start, 8, true);
  let k = 0;
  while (k < before.length && k < 5 && FILLERS.has(before[k] ?? '')) k++;
  const w = before[k];
  const after = wordsAfter(text, end, 3, true);
  // "dumb people like me": said of oneself.
  if (likeMe(after, 0) || likeMe(after, 1)) return false;
  if (w !== undefined) {
    if (DIRECT.has(w)) {
      // "you hack this together", "can you clown around": a verb after "you", not a name.
      return !(k === 0 && (w === 'you' || w === 'u') && OBJECTS.has(after[0] ?? ''));
    }
    let subject = before[k + 1] ?? '';
    // "you all are", "you both are", "you two are", "you lot are": the plural of address.
    if (GROUP.has(subject) && DIRECT.has(before[k + 2] ?? '')) subject = before[k + 2] ?? '';
    if (VERBS.has(w) && (SUBJECTS.has(subject) || PEOPLE.has(subject) || DIRECT.has(subject)))
      return true;
    if (OBJECT_PRONOUNS.has(w) && CALLING.has(before[k + 1] ?? '')) return true;
    const oneWord = !/\s/.test(text.slice(start, end));
    if (WHO.has(w) && k <= 1 && oneWord && isDeed(after[0])) return true;
    // "What an idiot!"
    if (w === 'what' && k >= 1 && after.length === 0) return true;
    if (WHO_WOULD.has(w) && WOULD.has(after[0] ?? '')) return true;
  }
  // "stupid users", "idiot developers": an insult before a person, not before a thing.
  if (PEOPLE.has(after[0] ?? '') && !THING_AFTER.has(after[1] ?? ''))
    return !SOMEONE.has(after[0] ?? '');
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
