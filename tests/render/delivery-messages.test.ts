import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { parseBriefing } from '../../src/domain/parse-briefing.js';
import { decodeCustomId } from '../../src/interaction-ids/custom-ids.js';
import { briefingThreadName, renderDigest, renderNewBriefingPost, renderPublishPreview } from '../../src/render/delivery-messages.js';
import type { ApiButton } from '../../src/render/message-payload.js';
import { getBriefing } from '../support/briefing-factory.js';
import { SAMPLES_DIR } from '../support/seed.js';
import { assertWithinDiscordLimits } from './limits-checker.js';

const samples: Briefing[] = readdirSync(SAMPLES_DIR)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort()
  .map((f) => {
    const result = parseBriefing(readFileSync(`${SAMPLES_DIR}${f}`, 'utf8'), { fileName: f, now: new Date('2026-03-28T12:00:00Z') });
    if (!result.ok) throw new Error(`${f} must parse`);
    return result.value;
  });
// Across the switch to summer time in Berlin (29 March 2026, 02:00 → 03:00).
const window = { since: '2026-03-28T07:00:00Z', until: '2026-03-29T06:00:00Z', timezone: 'Europe/Berlin' };
const openButtons = (messages: ReturnType<typeof renderDigest>) =>
  messages.flatMap((m) => m.components.flatMap((r) => r.components as ApiButton[]));

describe('renderNewBriefingPost', () => {
  const seed = getBriefing();

  it('given a role, then the content opens with that role’s mention above the card', () => {
    const post = renderNewBriefingPost(seed, { roleId: '123456789012345678' });
    expect(post.content).toBe('<@&123456789012345678> 📰 **New briefing**');
    expect(post.embeds[0]?.title).toBe(seed.title);
    expect(post.components).toHaveLength(2);
    assertWithinDiscordLimits(post);
  });

  it('given no role, or something that is not a role id, then nothing is mentioned', () => {
    expect(renderNewBriefingPost(seed).content).toBe('📰 **New briefing**');
    expect(renderNewBriefingPost(seed, { roleId: 'everyone' }).content).toBe('📰 **New briefing**');
  });

  it('given a long title, then the thread name fits 100 characters', () => {
    expect(briefingThreadName(getBriefing({ title: 'word '.repeat(60) })).length).toBeLessThanOrEqual(100);
    expect(briefingThreadName(seed)).toBe(seed.title);
  });
});

describe('renderDigest', () => {
  it('given three briefings, then one message lists them numbered with their summaries and an Open button each', () => {
    const messages = renderDigest(samples.slice(0, 3), window);
    expect(messages).toHaveLength(1);
    const embed = messages[0]?.embeds[0];
    expect(embed?.title).toBe('🗞️ Daily digest: 3 new briefings');
    expect(embed?.fields?.map((f) => f.name)).toEqual(samples.slice(0, 3).map((b, i) => `${i + 1}. ${b.title}`));
    expect(embed?.fields?.[0]?.value).toMatch(new RegExp(`\\n\`${samples[0]?.slug}\` · dated \\d{4}-\\d{2}-\\d{2}$`));
    expect(openButtons(messages).map((b) => [b.label, decodeCustomId(b.custom_id ?? '')])).toEqual(
      samples.slice(0, 3).map((b, i) => [`Open ${i + 1}`, { kind: 'open', slug: b.slug }]),
    );
  });

  it('given a window across the daylight-saving change, then both ends read 08:00 in Europe/Berlin', () => {
    const [message] = renderDigest(samples.slice(0, 1), window);
    expect(message?.embeds[0]?.description).toBe('Added to the archive from Sat 28 Mar 2026, 08:00 (Europe/Berlin) to Sun 29 Mar 2026, 08:00 (Europe/Berlin).');
  });

  it('given an unknown time zone, then times are shown in UTC', () => {
    const [message] = renderDigest(samples.slice(0, 1), { ...window, timezone: 'Mars/Olympus' });
    expect(message?.embeds[0]?.description).toBe('Added to the archive from Sat 28 Mar 2026, 07:00 (UTC) to Sun 29 Mar 2026, 06:00 (UTC).');
  });

  it('given 60 briefings, then it spans messages, lists each exactly once, and every message has its own buttons', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...(samples[i % samples.length] as Briefing), slug: `briefing-${i + 1}` }));
    const messages = renderDigest(many, window);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      assertWithinDiscordLimits(message);
      expect(message.components.flatMap((r) => r.components)).toHaveLength(message.embeds[0]?.fields?.length ?? -1);
    }
    const listed = messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? [])).map((f) => f.name.split('.')[0]);
    expect(listed).toEqual(many.map((_, i) => String(i + 1)));
    expect(messages.slice(1).every((m) => m.embeds[0]?.title === '🗞️ Daily digest (continued)')).toBe(true);
  });

  it('given no briefings, then it says there were none', () => {
    const [message] = renderDigest([], window);
    expect(message?.embeds[0]?.description).toMatch(/^No briefings added to the archive from Sat 28 Mar 2026, 08:00/);
  });
});

describe('renderPublishPreview', () => {
  it('given a parsed upload with warnings, then the card, the warnings and Confirm / Cancel carrying the token', () => {
    const briefing = getBriefing({ warnings: [{ line: 12, code: 'table.ragged-row', message: 'Row 3 has 2 cells, expected 3' }] });
    const preview = renderPublishPreview(briefing, 'up_42');
    assertWithinDiscordLimits(preview);
    expect(preview.embeds[1]).toMatchObject({ title: '⚠️ 1 warning', description: '**Line 12:** Row 3 has 2 cells, expected 3' });
    const [confirm, cancel] = preview.components[0]?.components as ApiButton[];
    expect(decodeCustomId(confirm?.custom_id ?? '')).toEqual({ kind: 'publish', decision: 'confirm', token: 'up_42' });
    expect(decodeCustomId(cancel?.custom_id ?? '')).toEqual({ kind: 'publish', decision: 'cancel', token: 'up_42' });
  });
});
