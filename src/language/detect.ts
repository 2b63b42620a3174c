/**
 * Per-message language detection for the rule packs beyond English, with franc-min (MIT, no
 * data to download: its trigram tables ship in the package). Asked only when a rule of
 * another language matched, on the text around the match, so English messages never pay.
 */
import { francAll } from 'franc-min';

/** Languages with a built-in rule pack, as BCP 47 tags. */
export const PACK_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt'] as const;

const TO_ISO3: Record<string, string> = { en: 'eng', es: 'spa', de: 'deu', fr: 'fra', pt: 'por' };
const FROM_ISO3: Record<string, string> = Object.fromEntries(
  Object.entries(TO_ISO3).map(([k, v]) => [v, k]),
);

/** Text around a match that detection reads: the match and up to 200 code units each side. */
const WINDOW = 200;
/** After this many look-ups in one text, the rest reuse the nearest result (linear time). */
const MAX_LOOKUPS = 32;

/**
 * The language of `text` among `candidates` (BCP 47 tags), or undefined when it is too short
 * to tell (under about ten letters).
 */
export function detectLanguage(text: string, candidates: readonly string[]): string | undefined {
  const only = candidates.map((c) => TO_ISO3[c]).filter((c): c is string => c !== undefined);
  if (only.length === 0) return undefined;
  const [best] = francAll(text, { only, minLength: 10 });
  if (best === undefined || best[0] === 'und') return undefined;
  return FROM_ISO3[best[0]];
}

/** Detection for the matches of one text, each asking about the text around it. */
export class TextLanguages {
  private readonly cache = new Map<number, { language: string | undefined; sure: boolean }>();
  private lookups = 0;
  private last: { language: string | undefined; sure: boolean } | undefined;

  constructor(
    private readonly text: string,
    private readonly candidates: readonly string[],
  ) {}

  /**
   * The language around offset `at` (undefined when it cannot be told), and whether the
   * text there is long enough (40 code units or more) for the answer to be trusted: on a
   * few words, Spanish, Portuguese and French are often taken for one another.
   */
  at(at: number): { language: string | undefined; sure: boolean } {
    const bucket = Math.floor(at / WINDOW);
    let found = this.cache.get(bucket);
    if (found === undefined) {
      if (this.lookups >= MAX_LOOKUPS && this.last !== undefined) return this.last;
      this.lookups++;
      const a = Math.max(0, at - WINDOW);
      const window = this.text.slice(a, a + 2 * WINDOW);
      found = {
        language: detectLanguage(window, this.candidates),
        sure: window.trim().length >= 40,
      };
      this.cache.set(bucket, found);
      this.last = found;
    }
    return found;
  }
}
