// The web app's colours, light and dark: every text colour meets WCAG AA contrast (4.5:1) on
// each background it is drawn on, and focus rings and field borders meet 3:1 (non-text
// contrast). axe checks the rendered pages too; this names the pair that broke, in both schemes,
// before a browser starts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../web/src/styles.css'), 'utf8');

/** The custom properties of the first `:root { … }` block after `from`. */
function variables(from: number): Record<string, string> {
  const start = css.indexOf(':root {', from);
  const body = css.slice(start, css.indexOf('}', start));
  const vars: Record<string, string> = {};
  for (const m of body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) vars[m[1]!] = m[2]!;
  return vars;
}

const light = variables(0);
const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
const dark = { ...light, ...variables(darkAt) };

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const backgrounds = ['bg', 'surface', 'accent-soft', 'warm-soft', 'problem-soft', 'done-soft'];
/** [foreground, background, the least contrast allowed] as the stylesheet draws them. */
const pairs: [string, string, number][] = [
  ...backgrounds.map((b): [string, string, number] => ['text', b, 4.5]),
  ...backgrounds.map((b): [string, string, number] => ['muted', b, 4.5]),
  ...backgrounds.map((b): [string, string, number] => ['accent', b, 4.5]),
  ['accent-dark', 'bg', 4.5],
  ['accent-dark', 'surface', 4.5],
  ['accent-dark', 'accent-soft', 4.5],
  ['on-accent', 'accent', 4.5],
  ['on-accent', 'accent-dark', 4.5],
  ['header-text', 'header-bg', 4.5],
  ['problem', 'bg', 4.5],
  ['problem', 'surface', 4.5],
  ['problem', 'problem-soft', 4.5],
  ['done', 'surface', 4.5],
  ['done', 'done-soft', 4.5],
  ['new-text', 'new-bg', 4.5],
  ['closed-text', 'closed-bg', 4.5],
  ['focus', 'bg', 3],
  ['focus', 'surface', 3],
  ['header-text', 'header-bg', 3],
  ['field-border', 'surface', 3],
  ['field-border', 'bg', 3],
];

describe('the palette', () => {
  it('has a dark scheme that sets every colour the light one does', () => {
    expect(darkAt).toBeGreaterThan(0);
    const darkOwn = variables(darkAt);
    expect(Object.keys(darkOwn).sort()).toEqual(Object.keys(light).sort());
  });

  for (const [scheme, vars] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`meets WCAG AA contrast in ${scheme}`, () => {
      const short: string[] = [];
      for (const [fg, bg, least] of pairs) {
        const a = vars[fg];
        const b = vars[bg];
        if (!a || !b) {
          short.push(`--${fg} or --${bg} is not set`);
          continue;
        }
        const ratio = contrast(a, b);
        if (ratio < least) short.push(`--${fg} on --${bg}: ${ratio.toFixed(2)} < ${least}`);
      }
      expect(short).toEqual([]);
    });
  }

  it('draws no colour outside the palette', () => {
    // Outside the two :root blocks, colours come from the variables only, so dark never
    // meets a light-only colour.
    const outside = css
      .replace(/:root \{[^}]*\}/g, '')
      .match(/#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(/g);
    expect(outside).toBeNull();
  });
});
