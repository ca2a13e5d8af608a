/**
 * Deterministic generator of realistic, varied briefings for benchmarks: briefing `i` is always
 * the same (its own seeded PRNG), whatever else is generated. Two forms: the typed `Briefing`
 * (search benchmarks) and markdown in the seed's exact layout (parse and import benchmarks).
 */
import type { Briefing } from '../src/domain/briefing.schema.js';
import { ACTORS, DIMENSIONS, DRIVERS, MOVES, PLACES, STANCES, SUBJECTS } from './briefing-vocabulary.js';
import { mulberry32 } from './prng.js';

type Actor = (typeof ACTORS)[number];

/** The seed's section emoji, used for every generated briefing. */
const EMOJI = { incident: '🗞️', motivations: '🎯', structure: '📊', keyVariables: '🧨', trends: '📈', structuralSummary: '📐' } as const;
const START = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Briefing number `i` (0-based) as the typed model. */
export function generateBriefing(i: number): Briefing {
  const rand = mulberry32(Math.imul(i + 1, 2654435761));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const pickDistinct = <T>(list: readonly T[], n: number): T[] => {
    const pool = [...list];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0] as T);
    return out;
  };
  const count = (min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));

  const actors: Actor[] = pickDistinct(ACTORS, count(2, 4));
  const [a, b] = actors as [Actor, Actor];
  const subject = pick(SUBJECTS);
  const place = pick(PLACES);
  const [move, moved] = pick(MOVES);
  const leader = pick(a.leaders);
  const rival = pick(b.leaders);
  const drivers = pickDistinct(DRIVERS, 4);
  const year = 2024 + Math.floor(i / 4000) % 3;

  const title = `LUMEN INSIGHT: ${a.name} ${move} ${subject.short} in ${place.replace(/^the /, '')}`.toUpperCase();
  const slug = `${slugify(`${a.name} ${subject.short} ${place.replace(/^the /, '')}`)}-${i}`.slice(0, 100).replace(/-$/, '');
  const incident =
    `${leader} announced that ${a.name} ${move} ${subject.noun} linked to ${place}, a step that ${rival} called "a test of good faith." ` +
    `The decision follows months of friction between ${a.capital} and ${b.capital} and comes as markets price a higher risk premium. ` +
    `Officials in ${b.capital} said they would respond "proportionately" within weeks.`;
  const summary =
    `${a.adj} authorities have ${moved} ${subject.noun}, raising the stakes around ${place}. ` +
    `The move reflects ${drivers[0]} and ${drivers[1]} in ${a.capital}, while ${b.name} weighs its options. ` +
    `Key variables include ${b.adj} retaliation, the reaction of ${actors[2]?.name ?? 'neighbouring states'}, and the durability of any deal. ` +
    `Expect ${pick(['a phased compromise', 'a long stand-off', 'quiet back-channel talks', 'a sharp but short escalation'])}, with ${subject.short} as the main bargaining chip.`;
  const motivations = [
    { label: 'Outward', text: `${a.name} seeks leverage over ${b.name} on ${subject.short} while avoiding open confrontation in ${place}.` },
    { label: 'Inward', text: `Addressing ${drivers[2]} and ${drivers[3]}, which ${leader} cannot ignore before the next budget.` },
    { label: `Toward ${b.name}`, text: `Signalling that ${a.capital} will not make repeated concessions just to reach an agreement.` },
  ];
  const dimensions = pickDistinct(DIMENSIONS, count(3, 5)).map((name) => ({
    name,
    positions: Object.fromEntries(actors.map((actor) => [actor.name, `${pick(STANCES)} on ${subject.short}`])),
  }));
  const keyVariables = pickDistinct(
    [
      `Will ${b.name} retaliate against ${a.adj} ${subject.short} with licence delays or tariffs?`,
      `Will ${a.capital} and ${b.capital} agree on a monitoring mechanism for ${subject.noun} before ${year + 1}?`,
      `Will ${pick(actors).leaders[0]} survive domestic pressure over ${pick(DRIVERS)}?`,
      `Will insurers and investors return to ${place} if the ${subject.short} dispute cools?`,
      `Will ${actors[actors.length - 1]?.name ?? b.name} join coordinated action on ${subject.noun}?`,
      `Will the dispute over ${subject.short} spread to ${pick(SUBJECTS).noun}?`,
    ],
    count(3, 5),
  ).map((text, k) => ({ n: k + 1, text }));
  const trends = pickDistinct(
    [
      `Short-term, ${a.name} and ${b.name} will use technical coordination to avoid confrontation, but structural antagonism is starting.`,
      `${b.name} will seek alternative suppliers for ${subject.short}, accelerating a split into rival supply chains.`,
      `Prices linked to ${subject.short} will rise in the next two quarters as traders price the risk around ${place}.`,
      `${a.name} will strengthen coordination with ${pick(ACTORS).name} to share the costs of ${subject.noun}.`,
      `A partial deal is likely, repackaged as joint investment to let ${leader} claim a win at home.`,
    ],
    count(3, 5),
  ).map((text, k) => ({ n: k + 1, text }));
  const structuralSummary =
    `${leader}'s decision is not only a response to ${drivers[0]} but also a symbolic claim that ${a.name} sets the terms on ${subject.short}. ` +
    `Conflicts of interest between ${a.name} and ${b.name} are becoming public and structured, reshaping the dynamics of ${place} and the wider ${subject.tag} system.`;

  return {
    slug,
    title,
    summary,
    incident,
    motivations,
    structure: { actors: actors.map((x) => x.name), dimensions },
    keyVariables,
    trends,
    structuralSummary,
    publishedAt: new Date(START + i * 2 * HOUR + Math.floor(rand() * HOUR)).toISOString(),
    // The seed format has no front matter, so a parsed copy has no tags either.
    tags: [],
    sectionEmoji: { ...EMOJI },
    warnings: [],
  };
}

/** Briefing `i` as a markdown file in the seed's layout (no front matter, like the seed). */
export function generateBriefingMarkdown(i: number): { fileName: string; text: string } {
  const b = generateBriefing(i);
  const cols = b.structure.actors;
  const table = [
    `| Variables | ${cols.map((c) => `${c} Position`).join(' | ')} |`,
    `|${['---', ...cols.map(() => '---')].join('|')}|`,
    ...b.structure.dimensions.map((d) => `| ${d.name} | ${cols.map((c) => d.positions[c] ?? '').join(' | ')} |`),
  ];
  const bullets = (items: string[]): string => items.map((t) => `•\t${t}  `).join('\n');
  const text = [
    '# Title',
    b.title,
    '',
    '# Summary',
    b.summary,
    '',
    '# News Comment',
    `${EMOJI.incident} 1. Incident Identification  `,
    b.incident,
    '',
    `${EMOJI.motivations} 2. Motivation Analysis  `,
    bullets(b.motivations.map((m) => `${m.label}: ${m.text}`)),
    '',
    `${EMOJI.structure} 3. Structural Perspectives`,
    '',
    ...table,
    '',
    `${EMOJI.keyVariables} 4. Key Variables  `,
    bullets(b.keyVariables.map((k) => k.text)),
    '',
    `${EMOJI.trends} 5. Trend Prediction  `,
    bullets(b.trends.map((t) => t.text)),
    '',
    `${EMOJI.structuralSummary} Structural Summary  `,
    b.structuralSummary,
    '',
  ].join('\n');
  return { fileName: `${b.slug}.md`, text };
}

/** Briefings `0 .. n-1`. */
export function generateBriefings(n: number): Briefing[] {
  return Array.from({ length: n }, (_, i) => generateBriefing(i));
}
