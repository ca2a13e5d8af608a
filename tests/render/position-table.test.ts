import { describe, expect, it } from 'vitest';
import { ERROR_COLOR, type MessagePayload } from '../../src/render/message-payload.js';
import { renderPositions } from '../../src/render/position-table.js';
import { isUserError } from '../../src/render/user-error.js';
import { getBriefing } from '../support/briefing-factory.js';
import { assertWithinDiscordLimits } from './limits-checker.js';

const seed = getBriefing();
const fieldsOf = (messages: MessagePayload[]) => messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));

describe('renderPositions', () => {
  it('given no actor, then the whole table is one field per dimension with a bold line per actor', () => {
    const messages = renderPositions(seed);
    expect(messages[0]?.embeds[0]?.title).toBe('📊 Structural Perspectives');
    const fields = fieldsOf(messages);
    expect(fields.map((f) => f.name)).toEqual(['Tariff Policy Tools', 'Security Alliance Binding', 'Domestic Political Variables', 'Economic Dependency Level']);
    expect(fields[0]?.value).toBe('**U.S.:** Strong pressure, exchanging tariffs for structural concessions\n**Japan:** Attempts to buffer, avoid re-imbalance');
    expect(fields.every((f) => !f.inline)).toBe(true);
    for (const message of messages) assertWithinDiscordLimits(message);
  });

  it('given the actor U.S., then there are 4 fields, one per dimension, holding the U.S. position', () => {
    const messages = renderPositions(seed, { actor: 'U.S.' });
    const fields = fieldsOf(messages);
    expect(fields).toHaveLength(4);
    expect(fields[1]).toEqual({ name: 'Security Alliance Binding', value: 'Exchanging military alliances for economic compliance' });
    expect(messages[0]?.embeds[0]?.title).toBe('📊 Structural Perspectives: U.S.');
  });

  it('given "us" or "JAPAN", then case and punctuation are ignored', () => {
    expect(renderPositions(seed, { actor: 'us' })).toEqual(renderPositions(seed, { actor: 'U.S.' }));
    expect(fieldsOf(renderPositions(seed, { actor: 'JAPAN' }))[0]?.value).toBe('Attempts to buffer, avoid re-imbalance');
  });

  it('given a dimension, then each actor is a field; given both, then one cell', () => {
    expect(fieldsOf(renderPositions(seed, { dimension: 'tariff policy tools' })).map((f) => f.name)).toEqual(['U.S.', 'Japan']);
    expect(fieldsOf(renderPositions(seed, { actor: 'Japan', dimension: 'Economic Dependency Level' }))).toEqual([
      { name: 'Japan', value: 'The U.S. is a core market with no retreat, but cannot concede further' },
    ]);
  });

  it('given an unknown actor, then an error lists the briefing’s actors', () => {
    const [error] = renderPositions(seed, { actor: 'China' });
    expect(error?.embeds[0]?.color).toBe(ERROR_COLOR);
    expect(isUserError(error as MessagePayload)).toBe(true);
    expect(renderPositions(seed).some(isUserError)).toBe(false);
    expect(error?.embeds[0]?.description).toBe('⚠️ “China” is not an actor in this briefing. Try one of: **U.S.**, **Japan**.');
  });

  it('given an unknown dimension, then an error lists the dimensions', () => {
    const [error] = renderPositions(seed, { dimension: 'Weather' });
    expect(error?.embeds[0]?.description).toContain('is not a dimension in this briefing. Try one of: **Tariff Policy Tools**');
  });

  it('given a missing cell, then it says no position was given', () => {
    const briefing = getBriefing({ structure: { actors: ['U.S.', 'Japan'], dimensions: [{ name: 'Tariffs', positions: { 'U.S.': 'Raise them' } }] } });
    expect(fieldsOf(renderPositions(briefing))[0]?.value).toBe('**U.S.:** Raise them\n**Japan:** *No position given.*');
  });

  it('given a briefing without a table, then it says so', () => {
    const [error] = renderPositions(getBriefing({ structure: { actors: [], dimensions: [] } }));
    expect(error?.embeds[0]?.description).toBe('⚠️ This briefing has no position table.');
  });

  it('given 30 dimensions × 6 actors of 1,500 characters, then it spans messages, dimension fields continuing "(continued)"', () => {
    const actors = ['U.S.', 'Japan', 'China', 'EU', 'Korea', 'Taiwan'];
    const dimensions = Array.from({ length: 30 }, (_, i) => ({
      name: `Dimension ${i + 1}`,
      positions: Object.fromEntries(actors.map((a) => [a, `${a} holds that ${'tariffs matter a great deal. '.repeat(52)}`])),
    }));
    const messages = renderPositions(getBriefing({ structure: { actors, dimensions } }));
    expect(messages.length).toBeGreaterThan(30);
    for (const message of messages) assertWithinDiscordLimits(message);
    const names = fieldsOf(messages).map((f) => f.name);
    expect(names.filter((n) => n === 'Dimension 7')).toHaveLength(1);
    expect(names.filter((n) => n === 'Dimension 7 (continued)').length).toBeGreaterThan(4);
    expect(messages.at(-1)?.components).toHaveLength(1);
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
  });
});
