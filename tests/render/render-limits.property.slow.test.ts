import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { renderFullBriefing, type MessagePayload } from '../../src/render/index.js';
import { generateBriefing, Rng, type Size } from './briefing-generator.js';
import { discordLimitViolations } from './limits-checker.js';
import { displayedStrings, renderEverything } from './render-everything.js';

const CASES = 300;
const BATCH = 50;
/** The seeds 1…CASES in batches, one test each, so a slow machine stays within the test timeout. */
const BATCHES = Array.from({ length: CASES / BATCH }, (_, i) => ({ first: i * BATCH + 1, last: (i + 1) * BATCH }));
const sizeOf = (i: number): Size => (i % 15 === 0 ? 'extreme' : i % 3 === 0 ? 'tiny' : 'medium');

/** What Discord would render as a ping, mention, channel, command, timestamp or custom emoji. */
const LIVE_MENTION = /@(everyone|here)|<@[!&]?\d+>|<#\d+>|<\/[^>:]+:\d+>|<t:-?\d+(:\w)?>|<a?:\w+:\d+>/;

/** The rendered text with escapes and defusing undone: what a reader sees. */
function seenText(payloads: MessagePayload[]): string {
  return payloads
    .flatMap(displayedStrings)
    .join('\n')
    .replace(/\u200b/g, '')
    .replace(/\\(.)/gsu, '$1');
}

function sourceWords(b: Briefing): string[] {
  const texts = [
    b.title,
    b.summary,
    b.incident,
    b.structuralSummary,
    ...b.motivations.flatMap((m) => [m.label, m.text]),
    ...b.structure.actors,
    ...b.structure.dimensions.flatMap((d) => [d.name, ...Object.keys(d.positions), ...Object.values(d.positions)]),
    ...b.keyVariables.map((kv) => kv.text),
    ...b.trends.map((t) => t.text),
  ];
  return [...new Set(texts.flatMap((t) => t.split(/\s+/)).filter((w) => w.length > 0 && w.length <= 50))];
}

describe('given generated briefings of extreme sizes, hostile text and unicode', () => {
  it.each(BATCHES)('then every payload of every renderer is within every Discord limit, and no displayed text can ping or look like a mention (seeds $first–$last)', ({ first, last }) => {
    for (let seed = first; seed <= last; seed += 1) {
      const rng = new Rng(seed);
      const briefing = generateBriefing(rng, sizeOf(seed));
      for (const { label, payload } of renderEverything(briefing, rng)) {
        const problems = discordLimitViolations(payload);
        if (problems.length > 0) expect.fail(`seed ${seed}, ${label}:\n- ${problems.slice(0, 10).join('\n- ')}`);
        // The role a new-briefing post pings on purpose is the one exception.
        const strings = displayedStrings(label.startsWith('new-post') ? { ...payload, content: '' } : payload);
        const live = strings.find((text) => LIVE_MENTION.test(text));
        if (live !== undefined) expect.fail(`seed ${seed}, ${label}: live mention in "${live.slice(0, 300)}"`);
      }
    }
  });

  it.each(BATCHES)('then the full briefing loses no word: every source word of ≤ 50 characters appears intact (seeds $first–$last)', ({ first, last }) => {
    for (let seed = first; seed <= last; seed += 1) {
      const briefing = generateBriefing(new Rng(seed), sizeOf(seed));
      const seen = seenText(renderFullBriefing(briefing));
      const tokens = new Set(seen.split(/\s+/));
      // Most words stand alone in the output; those next to markup ("**Outward:**") are searched for.
      const missing = sourceWords(briefing).filter((word) => !tokens.has(word) && !seen.includes(word));
      if (missing.length > 0) expect.fail(`seed ${seed}: missing ${JSON.stringify(missing.slice(0, 10))}`);
    }
  });

  it('then every repeated embed title in the full briefing is marked "(continued)"', () => {
    for (let seed = 1; seed <= CASES; seed += 15) {
      const briefing = generateBriefing(new Rng(seed), sizeOf(seed));
      const titles = new Set<string>();
      for (const embed of renderFullBriefing(briefing).flatMap((m) => m.embeds)) {
        const title = embed.title ?? '';
        if (titles.has(title)) expect(title).toMatch(/\(continued\)$/);
        titles.add(title);
      }
    }
  });
});

describe('given the largest generated briefing', () => {
  const briefing = generateBriefing(new Rng(15), 'extreme');

  it('then it is as extreme as issue 6 asks: 300-character title, 20,000-character summary, 60 key variables, 30 × 6 table, 100-character slug', () => {
    expect(briefing.title.length).toBeGreaterThanOrEqual(290);
    expect(briefing.summary.length).toBeGreaterThan(20_000);
    expect(briefing.keyVariables).toHaveLength(60);
    expect(briefing.structure.dimensions).toHaveLength(30);
    expect(briefing.structure.actors).toHaveLength(6);
    expect(briefing.slug.length).toBeGreaterThan(90);
  });

  it('then the full briefing spans many messages, each within limits, and the 5,000-character unbroken run is the only hard cut', () => {
    const messages = renderFullBriefing(briefing);
    expect(messages.length).toBeGreaterThan(20);
    for (const message of messages) expect(discordLimitViolations(message)).toEqual([]);
  });
});
