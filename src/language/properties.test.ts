import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from './check.ts';

const ALLOWED = [
  'the',
  'build',
  'is',
  'green',
  'thanks',
  'for',
  'review',
  'please',
  'merge',
  'this',
  'patch',
  'looks',
  'good',
  'to',
  'me',
  'we',
  'can',
  'ship',
  'it',
  'tomorrow',
  'team',
  'everyone',
  'folks',
];
const SEPARATORS = [' ', ', ', '. ', '\n', ' - ', '! ', '? '];
const TRIGGERS = ['guys', 'whitelist', 'sanity check', 'manpower', 'blacklisted'];

const message = fc
  .array(fc.tuple(fc.constantFrom(...ALLOWED), fc.constantFrom(...SEPARATORS)), {
    minLength: 1,
    maxLength: 40,
  })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

const withTrigger = fc
  .tuple(message, fc.constantFrom(...TRIGGERS), message)
  .map(([a, t, b]) => `${a} ${t} ${b}`);

const summary = (text: string): string[] =>
  check(text).map((f) => `${f.ruleId}@${f.start}-${f.end}`);

describe('properties', () => {
  it('any text made only of allowed words gives no findings', () => {
    fc.assert(
      fc.property(message, (text) => check(text).length === 0),
      { numRuns: 300 },
    );
  });

  it('a known phrase between allowed words is always found, at its position', () => {
    fc.assert(
      fc.property(withTrigger, (text) => {
        const found = check(text);
        expect(found).toHaveLength(1);
        expect(text.slice(found[0]!.start, found[0]!.end).toLowerCase()).toMatch(/^[a-z ]+$/);
      }),
      { numRuns: 200 },
    );
  });

  it('matching is invariant to case', () => {
    fc.assert(
      fc.property(withTrigger, (text) => {
        expect(summary(text.toUpperCase())).toEqual(summary(text));
      }),
      { numRuns: 200 },
    );
  });

  it('matching is invariant to NFC versus NFD', () => {
    const accented = fc.constantFrom('café', 'naïve', 'résumé', 'Zoë', 'über');
    fc.assert(
      fc.property(withTrigger, accented, (text, word) => {
        const nfc = `${word} ${text}`.normalize('NFC');
        const nfd = nfc.normalize('NFD');
        expect(check(nfd).map((f) => f.ruleId)).toEqual(check(nfc).map((f) => f.ruleId));
      }),
      { numRuns: 100 },
    );
  });

  it('never throws and keeps findings inside the text, in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const found = check(text);
        let last = 0;
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeLessThanOrEqual(text.length);
          last = f.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});
