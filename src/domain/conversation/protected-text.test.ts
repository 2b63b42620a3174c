import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_PART_LENGTH,
  findProtectedNames,
  normaliseForMatching,
  sharesPassage,
} from './protected-text.ts';
import { nameBypasses } from '../../../test/helpers/name-bypasses.ts';

const NAMES = ['Rita Reporter', 'rita.reporter@example.org'];
const found = (text: string, names = NAMES, own: string[] = []) =>
  findProtectedNames(text, names, own).length > 0;

describe('the protected-name normaliser', () => {
  it('refuses every known bypass', () => {
    for (const [kind, text] of Object.entries(nameBypasses)) expect(found(text), kind).toBe(true);
  });

  it('reads text the same whatever its spelling', () => {
    expect(normaliseForMatching('Ｒｉ\u200Bｔａ\u00A0 — Ré\u0301porter!!')).toBe('rita reporter');
    expect(normaliseForMatching('STRASSE Straße')).toBe('strasse strasse');
  });

  it('does not refuse words that merely contain a part, or unrelated text', () => {
    for (const text of [
      'Margarita and Ritalin are not names here.',
      'The reporters wrote about reporting it.',
      'Your report in the thread used the word "guys".',
      'A writable config, a sprite sheet.',
      'Hi Sam, your comment hurt people. How do you see it?',
    ])
      expect(found(text), text).toBe(false);
  });

  it(`protects a part of ${MIN_PART_LENGTH} letters or more alone, and shorter ones only in the whole name`, () => {
    const names = ['Al Li'];
    expect(found('Al said hi to Li.', names)).toBe(false);
    expect(found('It was Al Li.', names)).toBe(true);
    expect(found('It was Li, Al.', names)).toBe(true);
    expect(found('It was Jo.', ['Jo'])).toBe(true);
    // Particles are never a part alone.
    expect(found('van der Berg', ['Ana van der Berg'])).toBe(true);
    expect(found('I drove the van.', ['Ana van der Berg'])).toBe(false);
  });

  it('lets a part through that the member shares: it says nothing about who', () => {
    expect(found('Hi Sam, thanks.', ['Sam Reporter'], ['Sam Member'])).toBe(false);
    expect(found('Hi Sam, Reporter here.', ['Sam Reporter'], ['Sam Member'])).toBe(true);
  });

  it('finds names in other scripts whatever their case', () => {
    expect(found('Ο ΝΊΚΟΣ το είπε.', ['Νίκος Παππάς'])).toBe(true);
    expect(found('ο νίκος το είπε.', ['Νίκος Παππάς'])).toBe(true);
    expect(found('Мария сказала.', ['Мария Иванова'])).toBe(true);
    expect(found('今日は田中さん', ['田中'])).toBe(false); // no word boundary in the text
  });
});

describe('sharing the quotes and the narrative', () => {
  const passages = {
    quotes: ['hey guys, this is a no-brainer', 'calm down sweetie'],
    narrative: ['In the review thread they wrote the same thing twice and nobody answered.'],
  };
  it('refuses a quote repeated whole or in part, and runs of the narrative', () => {
    expect(sharesPassage('You wrote "Hey guys — this is a no-brainer!" there.', passages)).toBe(
      'quote',
    );
    expect(sharesPassage('You wrote CALM DOWN, sweetie.', passages)).toBe('quote');
    expect(sharesPassage('In the review thread they wrote the same thing, right?', passages)).toBe(
      'narrative',
    );
    expect(sharesPassage('this is a\u200B no-brainer guys', passages)).toBe(null);
    expect(sharesPassage('You used the word "guys" in the review.', passages)).toBe(null);
    expect(sharesPassage('Please calm down.', passages)).toBe(null);
  });
});

// ---- properties ---------------------------------------------------------------------------

const invisible = ['\u200B', '\u200C', '\u200D', '\u00AD', '\u2060', '\uFEFF', '\u034F', '\uFE0F'];
const marks = ['\u0301', '\u0300', '\u0308', '\u0327', '\u0323'];
const lookAlikes: Record<string, string[]> = {
  a: ['\u0430', '\u03B1'],
  e: ['\u0435', '\u03B5'],
  i: ['\u0456', '\u03B9'],
  o: ['\u043E', '\u03BF'],
  p: ['\u0440', '\u03C1'],
  t: ['\u0442', '\u03C4'],
  r: ['\u0280'],
  R: ['\u0280'],
  E: ['\u0415', '\u0395'],
  T: ['\u0422', '\u03A4'],
  P: ['\u0420', '\u03A1'],
  O: ['\u041E', '\u039F'],
};
const separators = [' ', '  ', '\n', ', ', '\u00A0', ' - ', '\t', ' (', ') ', '\u3000'];
const common = [
  'the',
  'review',
  'thread',
  'comment',
  'hurt',
  'people',
  'when',
  'you',
  'wrote',
  'guys',
  'it',
  'landed',
  'badly',
  'margarita',
  'ritalin',
  'reporters',
  'reporting',
  'report',
  'writable',
  'sprite',
  'reapportion',
  'rit',
  'porter',
  'a',
  'how',
  'do',
  'see',
];

/** One letter of the name, disguised in one of the ways people try. */
const disguisedLetter = (ch: string) =>
  fc
    .record({
      how: fc.constantFrom('keep', 'upper', 'lower', 'lookAlike', 'fullWidth'),
      pick: fc.nat(),
      mark: fc.option(fc.constantFrom(...marks), { freq: 3 }),
      hidden: fc.option(fc.constantFrom(...invisible), { freq: 2 }),
    })
    .map(({ how, pick, mark, hidden }) => {
      const alike = lookAlikes[ch];
      let out =
        how === 'upper'
          ? ch.toUpperCase()
          : how === 'lower'
            ? ch.toLowerCase()
            : how === 'lookAlike' && alike
              ? alike[pick % alike.length]!
              : how === 'fullWidth'
                ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0)
                : ch;
      if (mark) out += mark;
      if (hidden) out += hidden;
      return out;
    });

const disguised = (word: string) =>
  fc.tuple(...[...word].map(disguisedLetter)).map((letters) => letters.join(''));

const sentence = fc
  .array(fc.tuple(fc.constantFrom(...common), fc.constantFrom(...separators)), { maxLength: 12 })
  .map((words) => words.map(([w, s]) => w + s).join(''));

describe('properties of the protected-name check', () => {
  it('finds a part of the name however it is disguised, wherever it stands', () => {
    fc.assert(
      fc.property(
        sentence,
        fc.constantFrom('Rita', 'Reporter').chain(disguised),
        fc.constantFrom(...separators),
        sentence,
        (before, name, sep, after) => {
          expect(found(`${before}${sep}${name}${sep}${after}`), JSON.stringify(name)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds the whole name in either order with any run of spaces and punctuation', () => {
    fc.assert(
      fc.property(
        disguised('Rita'),
        disguised('Reporter'),
        fc.constantFrom(...separators),
        fc.boolean(),
        sentence,
        (given, family, sep, reversed, after) => {
          const name = reversed ? `${family},${sep}${given}` : `${given}${sep}${family}`;
          expect(found(`Hi ${name} ${after}`, ['Rita Reporter'])).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never refuses text made of other words, even ones that contain a part', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expect(found(text), JSON.stringify(text)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
