import type { Inflection } from './types.ts';

const VOWELS = 'aeiou';

function isConsonant(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z]/.test(ch) && !VOWELS.includes(ch);
}

function plural(w: string): string[] {
  if (/(s|x|z|ch|sh)$/.test(w)) return [w + 'es'];
  if (w.endsWith('y') && isConsonant(w[w.length - 2])) return [w.slice(0, -1) + 'ies'];
  if (w.endsWith('man')) return [w + 's', w.slice(0, -3) + 'men'];
  return [w + 's'];
}

/** Short words ending consonant-vowel-consonant double the last letter: stab → stabbed. */
function doubles(w: string): boolean {
  const n = w.length;
  return (
    n >= 3 &&
    n <= 4 &&
    isConsonant(w[n - 1]) &&
    !'wxy'.includes(w[n - 1] ?? '') &&
    VOWELS.includes(w[n - 2] ?? '') &&
    isConsonant(w[n - 3])
  );
}

function verbForms(w: string): string[] {
  const out = new Set<string>([w]);
  const stem = doubles(w) ? w + w[w.length - 1] : w;
  if (/(s|x|z|ch|sh)$/.test(w)) out.add(w + 'es');
  else if (w.endsWith('y') && isConsonant(w[w.length - 2])) out.add(w.slice(0, -1) + 'ies');
  else out.add(w + 's');
  if (w.endsWith('e')) {
    out.add(w + 'd');
    out.add(w.slice(0, -1) + 'ing');
  } else if (w.endsWith('y') && isConsonant(w[w.length - 2])) {
    out.add(w.slice(0, -1) + 'ied');
    out.add(w + 'ing');
  } else {
    out.add(stem + 'ed');
    out.add(stem + 'ing');
  }
  return [...out];
}

function adjectiveForms(w: string): string[] {
  if (w.length > 7 || w.includes("'")) return [w];
  if (w.endsWith('y') && isConsonant(w[w.length - 2])) {
    const s = w.slice(0, -1);
    return [w, s + 'ier', s + 'iest'];
  }
  if (w.endsWith('e')) return [w, w + 'r', w + 'st'];
  return [w];
}

/** Forms of one word, the word itself first. */
export function inflectWord(word: string, how: Inflection): string[] {
  switch (how) {
    case 'none':
      return [word];
    case 'noun': {
      const pl = plural(word);
      const forms = [word, ...pl, word + "'s"];
      for (const p of pl) if (p.endsWith('s')) forms.push(p + "'");
      return forms;
    }
    case 'verb':
      return verbForms(word);
    case 'adjective':
      return adjectiveForms(word);
  }
}

/** Forms of a phrase: its last word inflected, plus the same without apostrophes. */
export function inflectPhrase(phrase: string, how: Inflection): string[] {
  const words = phrase.split(' ');
  const last = words.pop() ?? '';
  const out = new Set<string>();
  for (const form of inflectWord(last, how)) {
    const p = [...words, form].join(' ');
    out.add(p);
    if (p.includes("'")) out.add(p.replace(/'/g, ''));
  }
  return [...out];
}
