import type { RulePackData } from './pack.ts';

const AT_THINGS = 'Swearing at a thing is not aimed at anyone, but some readers find it harsh; this community asked to hear about it.';

/**
 * Profanity aimed at things ("this code is shit", "wtf is this"). Off by default; a community
 * switches it on with `"profanity": true`. Swearing aimed at a person is an insult instead.
 */
export const profanity: RulePackData = {
  language: 'en',
  category: 'profanity',
  severity: 'nudge',
  rules: [
    { id: 'profanity.fuck', phrases: ['fuck', 'fucking', 'fucked', 'fucks', 'fuckin', 'fck', 'fcking', 'fking', 'effing', 'fuckery', 'clusterfuck', 'fucked up', 'the fuck'], inflect: 'none', obfuscation: true, suggestions: ['really', 'very', 'broken'], explanation: AT_THINGS },
    { id: 'profanity.shit', phrases: ['shit', 'shitty', 'shite', 'bullshit', 'horseshit', 'shitshow', 'shit show', 'shitload', 'shitting', 'holy shit', 'apeshit', 'batshit'], inflect: 'none', obfuscation: true, suggestions: ['bad', 'messy', 'nonsense'], explanation: AT_THINGS },
    { id: 'profanity.crap', phrases: ['crap', 'crappy', 'crapload', 'craptastic'], inflect: 'none', suggestions: ['poor', 'broken', 'clunky'], explanation: AT_THINGS },
    { id: 'profanity.damn', phrases: ['damn', 'damned', 'dammit', 'damnit', 'goddamn', 'goddamnit', 'god damn', 'goddam'], inflect: 'none', suggestions: ['really', 'annoying'], explanation: AT_THINGS },
    { id: 'profanity.hell', phrases: ['what the hell', 'the hell', 'hell no', 'hell yeah', 'bloody hell', 'hell of a', 'like hell'], inflect: 'none', suggestions: ['what', 'really'], explanation: AT_THINGS },
    { id: 'profanity.wtf', phrases: ['wtf', 'wth', 'wtaf', 'omfg', 'ffs', 'stfu', 'lmfao', 'fml'], inflect: 'none', suggestions: ['what is happening here?', 'I am confused by this'], explanation: AT_THINGS },
    { id: 'profanity.ass', phrases: ['ass', 'asses', 'arse', 'pain in the ass', 'pain in the arse', 'half assed', 'halfassed', 'badass', 'kick ass', 'kickass', 'smartass', 'smart ass', 'assed', 'jackass'], inflect: 'none', suggestions: ['annoying', 'half-done', 'impressive'], explanation: AT_THINGS },
    { id: 'profanity.piss', phrases: ['piss', 'pissed', 'pissed off', 'pissing', 'piss poor', 'pisses me off', 'taking the piss'], inflect: 'none', suggestions: ['annoyed', 'poor'], explanation: AT_THINGS },
    { id: 'profanity.sucks', phrases: ['sucks', 'this sucks', 'that sucks', 'it sucks', 'sucked', 'sucky', 'suckage'], inflect: 'none', suggestions: ['is not great', 'is frustrating', 'is disappointing'], explanation: AT_THINGS },
    { id: 'profanity.bollocks', phrases: ['bollocks', 'bugger', 'bloody', 'sodding', 'frigging', 'freaking', 'frickin', 'fricking', 'friggin'], inflect: 'none', suggestions: ['nonsense', 'really'], explanation: AT_THINGS },
    { id: 'profanity.dick-move', phrases: ['dick move', 'dickish', 'dicking around', 'screwed up', 'screw up', 'screwing up', 'screws up', 'cock up', 'cocked up', 'balls up', 'ballsed up'], inflect: 'none', suggestions: ['mistake', 'unkind move', 'messed up'], explanation: AT_THINGS },
    { id: 'profanity.bitching', phrases: ['bitching', 'bitch about', 'bitched', 'bitchin', 'son of a bitch', 'bitch of a'], inflect: 'none', suggestions: ['complaining', 'tricky'], explanation: AT_THINGS },
    { id: 'profanity.jesus', phrases: ['jesus christ', 'jesus fucking christ', 'christ almighty', 'for christ sake', "for christ's sake", 'for fucks sake', "for fuck's sake"], inflect: 'none', suggestions: ['wow', 'oh no'], explanation: AT_THINGS },
  ],
};
