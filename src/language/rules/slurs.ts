import type { RulePackData } from './pack.ts';

const RACIAL = 'This is a racial slur. It dehumanises people; organizers should know.';
const ETHNIC = 'This is an ethnic or religious slur. It dehumanises people; organizers should know.';
const ANTI_GAY = 'This is an anti-LGBTQ+ slur. It has been used to threaten and shame; organizers should know.';
const DISABLED = 'This is a slur against disabled people; organizers should know.';

/** Slurs are never nudged: they raise a concern for organizers (severity `escalate`). */
export const slurs: RulePackData = {
  language: 'en',
  category: 'slur',
  severity: 'escalate',
  rules: [
    { id: 'slur.n-word', phrases: ['nigger', 'nigga', 'niggah', 'nigguh', 'niggaz', 'niglet', 'nigra', 'negroid'], obfuscation: true, suggestions: [], explanation: RACIAL },
    { id: 'slur.sand-n-word', phrases: ['sand nigger', 'sandnigger', 'sand monkey', 'camel jockey', 'raghead', 'towelhead', 'towel head', 'rag head'], suggestions: [], explanation: ETHNIC },
    { id: 'slur.coon', phrases: ['coon', 'coons', 'jigaboo', 'jiggaboo', 'porch monkey', 'jungle bunny', 'spearchucker', 'sambo', 'pickaninny', 'darkie', 'darky', 'golliwog', 'golliwogg'], inflect: 'none', suggestions: [], explanation: RACIAL, exceptions: ['coon cat', 'maine coon', 'coon hound'] },
    { id: 'slur.chink', phrases: ['chink', 'chinks', 'chinky', 'gook', 'gooks', 'slant eye', 'slanteye', 'slant eyed', 'zipperhead', 'jap', 'japs', 'nip', 'nips', 'chonky', 'chingchong'], inflect: 'none', suggestions: [], explanation: RACIAL, exceptions: ['chink in the armor', 'chink in the armour', 'chink in his armor', 'chink in her armor', 'chink in their armor', 'chink in its armor', 'chink in its armour', 'nip and tuck', 'nip it in the bud', 'nip in the bud', 'nip this in the bud'] },
    { id: 'slur.spic', phrases: ['spic', 'spick', 'spics', 'wetback', 'wetbacks', 'beaner', 'beaners'], inflect: 'none', suggestions: [], explanation: RACIAL },
    { id: 'slur.kike', phrases: ['kike', 'kikes', 'kyke', 'yid', 'yids', 'heeb', 'hymie', 'christ killer', 'christ killers', 'oven dodger'], inflect: 'none', suggestions: [], explanation: ETHNIC },
    { id: 'slur.paki', phrases: ['paki', 'pakis', 'wog', 'wogs', 'dothead', 'dot head', 'curry muncher', 'currymuncher', 'pajeet'], inflect: 'none', suggestions: [], explanation: RACIAL },
    { id: 'slur.redskin', phrases: ['redskin', 'redskins', 'squaw', 'injun', 'injuns', 'prairie nigger'], inflect: 'none', suggestions: [], explanation: RACIAL },
    { id: 'slur.gyppo', phrases: ['gyppo', 'gippo', 'pikey', 'pikeys', 'tinker scum'], inflect: 'none', suggestions: [], explanation: ETHNIC },
    { id: 'slur.wop', phrases: ['wop', 'wops', 'dago', 'dagos', 'polack', 'polacks', 'kraut', 'krauts', 'frog eater', 'bogtrotter'], inflect: 'none', suggestions: [], explanation: ETHNIC },
    { id: 'slur.abo', phrases: ['boong', 'coolie', 'coolies', 'kaffir', 'kafir', 'kaffirs'], inflect: 'none', suggestions: [], explanation: RACIAL, exceptions: ['kaffir lime', 'kafir lime', 'kaffir lily'] },
    { id: 'slur.honky', phrases: ['honky', 'honkey', 'cracker ass', 'white devil', 'gweilo', 'gringo scum'], inflect: 'none', suggestions: [], explanation: RACIAL },
    { id: 'slur.islamophobic', phrases: ['muzzie', 'muzzies', 'mozzie', 'goat fucker', 'goatfucker', 'muslim terrorist', 'muslim terrorists', 'sand people'], inflect: 'none', suggestions: [], explanation: ETHNIC },
    { id: 'slur.f-word', phrases: ['faggot', 'faggots', 'fag', 'fags', 'faggy', 'fagot', 'faggit', 'fgt'], inflect: 'none', suggestions: [], explanation: ANTI_GAY },
    { id: 'slur.dyke', phrases: ['dyke', 'dykes', 'lesbo', 'lesbos', 'lezzie', 'lezza', 'lezbo'], inflect: 'none', suggestions: [], explanation: ANTI_GAY, exceptions: ['van dyke'] },
    { id: 'slur.tranny', phrases: ['tranny', 'trannies', 'trannie', 'troon', 'troons', 'shemales'], inflect: 'none', suggestions: [], explanation: ANTI_GAY },
    { id: 'slur.homo', phrases: ['homo', 'homos', 'poof', 'poofs', 'poofter', 'poofta', 'batty boy', 'battyboy', 'bum boy', 'queer bait', 'queerbait'], inflect: 'none', suggestions: [], explanation: ANTI_GAY, exceptions: ['homo sapiens', 'homo sapien', 'homo erectus', 'homo habilis', 'homo neanderthalensis', 'homo floresiensis', 'homo economicus', 'homo ludens', 'homo faber', 'ecce homo'] },
    { id: 'slur.r-word', phrases: ['retard', 'retards', 'retarded', 'retardation', 'tard', 'tards', 'libtard', 'libtards', 'fucktard', 'fucktards', 'retardo', 'mentally retarded'], inflect: 'none', suggestions: ['(describe the problem itself)'], explanation: DISABLED, exceptions: ['flame retardant', 'fire retardant', 'flame retardants', 'fire retardants', 'retardation factor', 'growth retardation'] },
    { id: 'slur.mong', phrases: ['mongo idiot', 'mongy', 'window licker', 'windowlicker', 'cabbage'], inflect: 'none', target: 'person', suggestions: [], explanation: DISABLED },
    { id: 'slur.cripple-slur', phrases: ['spacker', 'spakka', 'spacca', 'flid', 'joey'], inflect: 'none', target: 'person', suggestions: [], explanation: DISABLED },
    { id: 'slur.feminazi', phrases: ['feminazi', 'feminazis', 'femoid', 'femoids', 'foid', 'foids', 'roastie', 'roasties'], inflect: 'none', suggestions: [], explanation: 'These are slurs against women; organizers should know.' },
    { id: 'slur.nazi-salute', phrases: ['heil hitler', 'sieg heil', 'gas the jews', 'holocaust never happened', 'holohoax', 'oy vey shut it down', 'jewish question', 'da joos', 'the joos', 'jew them down', 'jewed', 'jewing'], inflect: 'none', suggestions: [], explanation: 'This is antisemitic hate speech; organizers should know.' },
    { id: 'insult.nazi', phrases: ['nazi', 'nazis', 'fascist', 'fascists'], inflect: 'none', severity: 'concern', category: 'insult', target: 'person', suggestions: [], explanation: 'Calling someone a Nazi is an attack, and it trivialises genocide.' },
    { id: 'racialised.grammar-nazi', phrases: ['grammar nazi', 'code nazi', 'style nazi', 'spelling nazi', 'pep8 nazi', 'lint nazi', 'typo nazi', 'nazi about'], inflect: 'none', severity: 'nudge', category: 'racialised', suggestions: ['stickler', 'pedant', 'perfectionist'], explanation: 'Casual use of "Nazi" trivialises genocide.' },
  ],
};
