import { MAX_MESSAGES_PER_ANSWER } from '../../commands/brief.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import { renderFullBriefing } from '../../src/render/index.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import type { StoredMessage } from '../../src/sandbox/emulator/state/stored-message.js';
import { generateBriefing, Rng } from '../render/briefing-generator.js';
import { allEmbeds, embedsOf, liftFollowUpLimits, rejectedRequests, selectsOf, settle, startLoggedSandbox, type LogLines } from './helpers/e2e.js';

let sandbox: Sandbox;
let log: LogLines;
let extreme: Briefing;

/**
 * The largest briefing the generator makes (300-character title, ~25,000-character summary, 60 key
 * variables and 60 trends of 2,000 characters, 30 dimensions × 6 actors of 1,500 characters,
 * hostile markdown and mentions), stored as an import would store it.
 */
beforeAll(async () => {
  ({ sandbox, log } = await startLoggedSandbox());
  liftFollowUpLimits(sandbox);
  const generated = generateBriefing(new Rng(15), 'extreme');
  const contentHash = 'e'.repeat(64);
  await sandbox.app.archive.save([{ briefing: generated, dateFromFile: true, contentHash, source: 'extreme.md' }], sandbox.options.clock.now());
  extreme = sandbox.app.library.get(generated.slug) as Briefing;
  expect(extreme.title.length).toBe(300);
  expect(extreme.keyVariables).toHaveLength(60);
  expect(extreme.structure.dimensions).toHaveLength(30);
  expect(extreme.structure.actors).toHaveLength(6);
});
afterAll(async () => {
  await sandbox.stop();
});

describe('given the largest generated briefing', () => {
  let card: StoredMessage;
  const outcomes: string[] = [];

  const command = async (name: string, options: Record<string, string | number>) => {
    const { messages, summary } = await settle(log, sandbox.discord.interact.slashCommand({ name, options: { briefing: extreme.slug, ...options } }));
    outcomes.push(`/${name} ${JSON.stringify(options)}: ${summary.outcome}`);
    return messages;
  };

  beforeAll(async () => {
    card = (await command('brief', {}))[0] as StoredMessage;
  });

  it('then the card is one message within every limit, with its buttons and a select of the first 25 key variables', () => {
    expect(embedsOf(card)).toHaveLength(1);
    expect(embedsOf(card)[0]?.title?.length).toBeLessThanOrEqual(256);
    const [select] = selectsOf(card);
    expect(select?.options).toHaveLength(25);
    expect(select?.placeholder).toContain('of 60');
  });

  it('then section:full posts the first messages as the renderer laid them out, then a note pointing to the sections', async () => {
    const expected = renderFullBriefing(extreme);
    expect(expected.length).toBeGreaterThan(MAX_MESSAGES_PER_ANSWER);
    const messages = await command('brief', { section: 'full' });
    expect(messages).toHaveLength(MAX_MESSAGES_PER_ANSWER);
    const shown = expected.slice(0, MAX_MESSAGES_PER_ANSWER - 1);
    expect(allEmbeds(messages.slice(0, -1)).map((e) => e.title)).toEqual(shown.flatMap((m) => m.embeds.map((e) => e.title)));
    expect(embedsOf(messages.at(-1) as StoredMessage)[0]?.description).toContain(`too long to post whole here (${expected.length} messages)`);
    expect(rejectedRequests(sandbox)).toEqual([]);
  });

  it('then every section, list, item and position view is accepted', async () => {
    for (const section of ['summary', 'incident', 'motivations', 'structure', 'variables', 'trends', 'structural']) await command('brief', { section });
    await command('variable', {});
    await command('variable', { number: 60 });
    await command('trend', {});
    await command('trend', { number: 60 });
    await command('position', {});
    await command('position', { actor: extreme.structure.actors[5] as string });
    // Dimension names run to 300 characters, over the option's 100: users pick them from autocomplete.
    const dimensions = await sandbox.discord.interact.autocomplete({ name: 'position', focused: 'dimension', options: { briefing: extreme.slug, dimension: '' } });
    await command('position', { dimension: String(dimensions[0]?.value) });
    await command('position', { actor: extreme.structure.actors[0] as string, dimension: String(dimensions[24]?.value) });
    await command('ask', { question: extreme.keyVariables[0]?.text.slice(0, 200) as string });
    expect(outcomes.filter((o) => !o.endsWith(': ok'))).toEqual([]);
    expect(rejectedRequests(sandbox)).toEqual([]);
  });

  it('then every button and the select on the card are accepted', async () => {
    for (const view of ['var', 'trd', 'pos', 'full']) {
      const customId = (card.customIds().find((id) => id.endsWith(`|${view}`)) ?? '') as string;
      const { messages, summary } = await settle(log, sandbox.discord.interact.clickButton({ message: card, customId }));
      expect(summary.outcome).toBe('ok');
      expect(messages.every((m) => m.ephemeral)).toBe(true);
    }
    const select = selectsOf(card)[0]?.custom_id ?? '';
    const { summary } = await settle(log, sandbox.discord.interact.selectMenu({ message: card, customId: select, values: ['25'] }));
    expect(summary.outcome).toBe('ok');
    expect(rejectedRequests(sandbox)).toEqual([]);
  });

  it('then number autocomplete reaches key variables and trends past the first 25 as the number is typed', async () => {
    const variables = await sandbox.discord.interact.autocomplete({ name: 'variable', focused: 'number', options: { briefing: extreme.slug, number: '5' } });
    expect(variables.map((c) => c.value)).toEqual([5, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
    const trends = await sandbox.discord.interact.autocomplete({ name: 'trend', focused: 'number', options: { briefing: extreme.slug, number: '60' } });
    expect(trends.map((c) => c.value)).toEqual([60]);
    for (const choice of [...variables, ...trends]) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it('then actor and dimension autocomplete answer within the limits', async () => {
    for (const focused of ['actor', 'dimension']) {
      const choices = await sandbox.discord.interact.autocomplete({ name: 'position', focused, options: { briefing: extreme.slug, [focused]: '' } });
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    }
  });
});
