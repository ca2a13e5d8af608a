/**
 * A seeded generator of briefings from tiny to extreme (fast-check is not installed): the same
 * seed gives the same briefing, so a failing case can be replayed by its seed alone.
 */
import { mulberry32 } from '../../bench/prng.js';
import type { Briefing } from '../../src/domain/briefing.schema.js';

/** A seeded source of random choices (mulberry32, as the benchmarks use). */
export class Rng {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.#next();
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }
}

/** Words a briefing may contain, hostile ones included: mentions, markdown, emoji, scripts. */
export const WORDS = [
  'tariff', 'negotiations', 'Japan', 'U.S.', 'sovereignty', 'alliance', 'semiconductor', 'leverage', 'the', 'of', 'and', 'a',
  'structural', 'Asia-Pacific', 'export', 'controls', 'rare', 'earths', 'Ishiba’s', '“security', 'market”', '(WTO)', 'e.g.',
  'Türkiye', 'São', 'naïve', 'Ünïcødé', '日本の関税', '中国。', 'Москва', 'العربية', '🇯🇵', '🧨', '👨‍👩‍👧‍👦', '1️⃣', '👍🏽',
  '@everyone', '@here', '<@123456789012345678>', '<@&987654321098765432>', '<#111111111111111111>', '</brief:42>', '<t:1700000000:R>',
  '**bold**', '__under__', '_it_', '~~strike~~', '`code`', '```fence```', '||spoiler||', '[click](https://evil.example/x_y)',
  'https://example.org/a_b*c', 'back\\slash', 'pipe|pipe', '*', '>', '#', '-#', '\u00a0nbsp',
] as const;

const SHORT_WORDS = WORDS.filter((w) => w.length < 12);
const ENDINGS = ['.', '.', '.', '?', '!', '…', '。'] as const;
const EMOJI = ['🧨', '📈', '📊', '🎯', '🗞️', '📐', '🔍', '❓', '1️⃣', 'x'] as const;

export type Size = 'tiny' | 'medium' | 'extreme';

/** Words up to about `length` characters, in sentences, with paragraph breaks and line-start markdown when `paragraphs`. */
export function prose(rng: Rng, length: number, paragraphs = false): string {
  let out = '';
  while (out.length < length) {
    // Some words are unique markers ("k3f9x2z"), so a word torn in two cannot hide behind a twin elsewhere.
    const words = Array.from({ length: rng.int(1, 25) }, () => (rng.chance(0.2) ? `k${rng.int(0, 2 ** 30).toString(36)}z` : rng.pick(WORDS)));
    let sentence = `${words.join(' ')}${rng.pick(ENDINGS)}`;
    sentence = sentence[0]?.toUpperCase() + sentence.slice(1);
    const breakHere = paragraphs && out && rng.chance(0.15);
    const lineStart = breakHere && rng.chance(0.3) ? `${rng.pick(['> ', '# ', '-# ', '>>> ', '1. '])}` : '';
    out += out ? (breakHere ? (rng.chance(0.5) ? '\n\n' : '\n') + lineStart : ' ') : '';
    out += sentence;
  }
  // Cut at the length, but never between the halves of a surrogate pair.
  return out.slice(0, Math.max(length, 1)).replace(/[\uD800-\uDBFF]$/, '').trim() || 'x';
}

/** A run of `length` characters without any whitespace (emoji included). */
export function unbroken(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += rng.chance(0.05) ? rng.pick(['🇯🇵', '👨‍👩‍👧‍👦', 'é', '\\*']) : 'x';
  return out;
}

function slug(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) {
    const part = Array.from({ length: rng.int(1, 12) }, () => rng.pick([...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');
    out += out ? `-${part}` : part;
  }
  out = out.slice(0, length).replace(/-+$/, '');
  return out || 'a';
}

function name(rng: Rng, max: number): string {
  const words = Array.from({ length: rng.int(1, 6) }, () => rng.pick(SHORT_WORDS));
  return words.join(' ').slice(0, max).replace(/[\uD800-\uDBFF]$/, '').trim() || 'Actor';
}

/** A summary of the given size: paragraphs, sometimes after a long unbroken run (always when `extreme`). */
function summaryText(rng: Rng, size: Size): string {
  const big = size === 'extreme';
  const summaryLength = size === 'tiny' ? rng.int(0, 200) : size === 'medium' ? rng.int(1, 3000) : 20_000;
  return big || rng.chance(0.1) ? `${unbroken(rng, big ? 5000 : rng.int(100, 4500))} ${prose(rng, summaryLength, true)}` : prose(rng, summaryLength, true);
}

/**
 * A briefing as a list shows it: slug, title, summary and date drawn as `generateBriefing` draws
 * them, every other field empty. For the other briefings of search results and digests, whose
 * renderers read only those fields; a whole medium briefing (tens of thousands of characters of
 * sections no list shows) was most of the property test's time.
 */
export function generateListing(rng: Rng, size: Exclude<Size, 'extreme'>): Briefing {
  const summary = summaryText(rng, size);
  return {
    slug: slug(rng, rng.int(1, 100)),
    title: prose(rng, rng.int(1, 280)),
    summary: size === 'tiny' && rng.chance(0.3) ? '' : summary,
    incident: '',
    motivations: [],
    structure: { actors: [], dimensions: [] },
    keyVariables: [],
    trends: [],
    structuralSummary: '',
    publishedAt: new Date(Date.UTC(2026, 0, 1) + rng.int(0, 365) * 86_400_000).toISOString(),
    tags: [],
    sectionEmoji: {},
    warnings: [],
  };
}

/** A briefing of the given size; `extreme` pushes every field to the sizes issue 6 names. */
export function generateBriefing(rng: Rng, size: Size): Briefing {
  const big = size === 'extreme';
  const len = (tiny: number, medium: number, extreme: number): number =>
    size === 'tiny' ? rng.int(0, tiny) : size === 'medium' ? rng.int(1, medium) : extreme;
  const actorCount = big ? 6 : rng.int(0, size === 'tiny' ? 2 : 6);
  const actors = Array.from({ length: actorCount }, (_, i) => `${name(rng, big ? 40 : 20)} ${i}`);
  const dimensionCount = big ? 30 : rng.int(0, size === 'tiny' ? 2 : 12);
  const dimensions = Array.from({ length: dimensionCount }, (_, i) => ({
    name: big && i % 7 === 0 ? prose(rng, 300) : `${name(rng, 120)} ${i}`,
    positions: Object.fromEntries(actors.filter(() => rng.chance(0.9)).map((a) => [a, prose(rng, big ? 1500 : rng.int(1, 600))])),
  }));
  const items = (count: number, length: () => number) => Array.from({ length: count }, (_, i) => ({ n: i + 1, text: prose(rng, length()) }));
  const summary = summaryText(rng, size);
  return {
    slug: slug(rng, big ? 100 : rng.int(1, 100)),
    title: prose(rng, big ? 300 : rng.int(1, 280)),
    summary: size === 'tiny' && rng.chance(0.3) ? '' : summary,
    incident: prose(rng, len(300, 5000, 6000), true),
    motivations: Array.from({ length: big ? 8 : rng.int(0, 5) }, () => ({
      label: rng.chance(0.3) ? '' : name(rng, 40),
      text: prose(rng, len(200, 1500, 1500)),
    })),
    structure: { actors, dimensions },
    keyVariables: items(big ? 60 : rng.int(0, size === 'tiny' ? 3 : 30), () => len(200, 2000, 2000)),
    trends: items(big ? 60 : rng.int(0, size === 'tiny' ? 3 : 30), () => len(200, 2000, 2000)),
    structuralSummary: prose(rng, len(300, 4000, 6000), true),
    publishedAt: new Date(Date.UTC(2026, 0, 1) + rng.int(0, 365) * 86_400_000).toISOString(),
    tags: [],
    sectionEmoji: Object.fromEntries(
      (['incident', 'motivations', 'structure', 'keyVariables', 'trends', 'structuralSummary'] as const)
        .filter(() => rng.chance(0.5))
        .map((k) => [k, rng.pick(EMOJI)]),
    ),
    warnings: Array.from({ length: rng.int(0, big ? 40 : 3) }, (_, i) => ({ line: i + 1, code: 'x', message: prose(rng, big ? 400 : 80) })),
  };
}
