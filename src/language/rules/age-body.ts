import type { RulePackData } from './pack.ts';

const AGE = 'Treating age as a measure of skill shuts out people at both ends of their careers.';
const BODY = "Remarks about someone's body are not about the work, and they hurt.";

export const age: RulePackData = {
  language: 'en',
  category: 'age',
  severity: 'nudge',
  rules: [
    { id: 'age.grandma-test', phrases: ['your grandma', 'your grandmother', 'your granny', 'my grandma could', 'my grandmother could', 'even my grandma', 'even grandma', 'grandma test', 'granny test', 'your mom could', 'your mother could', 'so easy grandma'], inflect: 'none', suggestions: ['a newcomer', 'someone new to this', 'anyone'], explanation: 'Using older women as the picture of "bad with technology" is both ageist and sexist.' },
    { id: 'age.ok-boomer', phrases: ['ok boomer', 'okay boomer', 'ok zoomer', 'okay zoomer'], inflect: 'none', suggestions: ['(respond to the point, not the age)'], explanation: 'Dismissing someone for their generation ends the conversation instead of answering it.' },
    { id: 'age.boomer', phrases: ['boomer', 'boomers', 'zoomer', 'zoomers', 'millennial', 'millennials', 'gen z'], inflect: 'none', target: 'person', suggestions: ['(respond to the point, not the age)'], explanation: 'Labelling someone by their generation dismisses them instead of answering them.' },
    { id: 'age.geezer', phrases: ['geezer', 'old geezer', 'old fart', 'old fogey', 'old fogy', 'old coot', 'dinosaur', 'fossil', 'old timer', 'oldtimer', 'codger', 'old codger'], target: 'person', suggestions: ['experienced person', 'long-time member'], explanation: AGE },
    { id: 'age.senior-moment', phrases: ['senior moment', 'senior moments'], inflect: 'none', suggestions: ['lapse', 'memory slip', 'mistake'], explanation: 'Linking forgetfulness to age feeds a stereotype about older people.' },
    { id: 'age.over-the-hill', phrases: ['over the hill', 'past his prime', 'past her prime', 'past their prime', 'past your prime', 'no spring chicken', 'long in the tooth', 'too old to learn', 'too old for this', 'one foot in the grave'], inflect: 'none', suggestions: ['experienced', 'veteran'], explanation: AGE },
    { id: 'age.the-elderly', phrases: ['the elderly', 'elderly people', 'old people', 'old folks', 'senile'], inflect: 'none', suggestions: ['older people', 'older adults', 'forgetful'], explanation: 'Grouping people by age as "the elderly" makes them sound frail and alike.' },
    { id: 'age.greybeard', phrases: ['greybeard', 'graybeard', 'grey beard', 'gray beard', 'greybeards', 'graybeards'], inflect: 'none', suggestions: ['veteran', 'expert', 'long-time contributor'], explanation: 'It pictures expertise as old and male, which leaves many experts out.' },
    { id: 'age.young-dumb', phrases: ['kids these days', 'typical millennial', 'typical millenial', 'millennial snowflake', 'snowflake generation'], inflect: 'none', suggestions: ['inexperienced', 'new to this'], explanation: AGE },
    { id: 'age.digital-native', phrases: ['digital natives', 'digital immigrants', 'digital native generation'], inflect: 'none', suggestions: ['people who grew up online', 'frequent users'], explanation: 'Skill with technology comes from practice, not birth year.' },
    { id: 'age.young-blood', phrases: ['young blood', 'young guns', 'young and hungry', 'recent graduate only', 'digital native required', 'young dynamic team', 'young team'], inflect: 'none', suggestions: ['new talent', 'energetic team', 'motivated people'], explanation: 'Asking for youth in a role shuts out older people who would do it well.' },
    { id: 'age.act-your-age', phrases: ['act your age', 'grow up', 'childish', 'like a child', 'like a baby', 'cry baby', 'crybaby'], inflect: 'none', target: 'person', suggestions: ['(say which behaviour is the problem)'], explanation: 'Calling someone childish labels the person instead of naming what went wrong.' },
    { id: 'age.retirement-home', phrases: ['retirement home', 'nursing home'], inflect: 'none', target: 'person', suggestions: ['(say what is wrong with the idea)'], explanation: AGE },
    { id: 'age.spinster', phrases: ['spinster', 'old maid', 'cougar', 'cat lady'], target: 'person', category: 'gendered', suggestions: ['single', 'unmarried'], explanation: 'These words mock women for their age and relationship status.' },
    { id: 'age.boomer-tech', phrases: ['boomer tech', 'boomer language', 'boomer software', 'grandpa language', 'grandpa tech', 'old man yells at cloud'], inflect: 'none', suggestions: ['older', 'legacy', 'mature'], explanation: 'Age as an insult for technology spills onto the people who use it.' },
    { id: 'age.too-young', phrases: ['too young to understand', 'too young to remember', 'when you grow up', 'little boy', 'little girl', 'kiddo'], inflect: 'none', target: 'person', suggestions: ['(answer the point)'], explanation: 'Pointing at someone\'s youth dismisses what they said.' },
    { id: 'age.youngster', phrases: ['youngster', 'youngsters', 'whippersnapper', 'whippersnappers', 'young whippersnapper', 'sonny', 'sonny boy'], inflect: 'none', target: 'person', suggestions: ["(use the person's name)"], explanation: 'Pointing at someone\'s youth puts them below the conversation.' },
  ],
};

export const body: RulePackData = {
  language: 'en',
  category: 'body',
  severity: 'nudge',
  rules: [
    { id: 'body.fatso', phrases: ['fatso', 'fatty', 'fatass', 'fat ass', 'lardass', 'lard ass', 'tubby', 'porky', 'fat pig', 'fat cow', 'whale', 'hippo', 'land whale', 'blimp', 'heifer', 'butterball'], inflect: 'none', severity: 'concern', target: 'person', suggestions: [], explanation: BODY },
    { id: 'body.fat-people', phrases: ['fat people', 'fat chick', 'fat chicks', 'fat slob', 'fat slobs', 'fat lazy', 'fatties', 'fat shaming'], inflect: 'none', suggestions: ['people', 'larger people'], explanation: 'Talking about fat people as a joke or a warning shames real people.' },
    { id: 'body.obese', phrases: ['morbidly obese', 'grossly obese', 'disgustingly fat', 'too fat to'], inflect: 'none', suggestions: ['larger', 'higher weight'], explanation: BODY },
    { id: 'body.butterface', phrases: ['butterface', 'butter face', 'pizza face', 'pizzaface', 'four eyes', 'baldy', 'chrome dome', 'beanpole', 'stick insect', 'shrimp'], inflect: 'none', severity: 'concern', target: 'person', suggestions: [], explanation: BODY },
    { id: 'body.ugly-person', phrases: ['ugly', 'hideous', 'gross looking', 'ugly as sin', 'face for radio', 'face only a mother could love'], inflect: 'none', target: 'person', severity: 'concern', suggestions: [], explanation: BODY },
    { id: 'body.flat-chested', phrases: ['flat chested', 'man boobs', 'moobs', 'thunder thighs', 'muffin top', 'beer belly', 'cankles'], inflect: 'none', suggestions: [], explanation: BODY },
    { id: 'body.dwarf-person', phrases: ['a dwarf', 'little people jokes', 'oompa loompa', 'hobbit'], inflect: 'none', target: 'person', suggestions: ['person of short stature'], explanation: "Jokes about someone's height single out their body." },
    { id: 'body.freak', phrases: ['freak', 'freak of nature', 'freakshow', 'freak show', 'circus freak', 'mutant'], inflect: 'none', target: 'person', suggestions: [], explanation: 'Calling a person a freak marks them as less than human.' },
    { id: 'body.short-jokes', phrases: ['short people', 'manlet', 'napoleon complex', 'small man syndrome'], inflect: 'none', suggestions: ['(leave height out of it)'], explanation: "Jokes about someone's height single out their body." },
    { id: 'body.skin', phrases: ['pasty', 'pale face', 'paleface', 'pock marked', 'pockmarked face'], inflect: 'none', target: 'person', suggestions: [], explanation: BODY },
    { id: 'body.body-parts', phrases: ['nice rack', 'nice legs', 'nice ass', 'hot body', 'sexy body', 'great body'], inflect: 'none', severity: 'concern', suggestions: [], explanation: "Comments on someone's body are unwelcome at work and often harassment." },
    { id: 'body.sexualised', phrases: ['sexy', 'hot chick', 'hottie', 'eye candy', 'arm candy', 'booth babe', 'booth babes'], inflect: 'none', target: 'person', suggestions: ['(leave looks out of it)'], explanation: 'Rating how a colleague looks makes them an object instead of a peer.' },
    { id: 'body.weight-advice', phrases: ['lose some weight', 'lose weight', 'put on weight', 'hit the gym', 'go on a diet'], inflect: 'none', target: 'person', suggestions: [], explanation: 'Unasked remarks about weight are personal and hurtful.' },
    { id: 'body.looks-like', phrases: ['looks like a man', 'looks like a woman', 'looks like a girl', 'look like a girl', 'mannish', 'manly woman'], inflect: 'none', target: 'person', suggestions: [], explanation: "Judging whether someone looks enough like a gender hurts, and is aimed at trans people too." },
  ],
};
