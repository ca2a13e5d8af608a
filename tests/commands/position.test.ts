import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/domain/briefing.schema.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import { generateBriefing } from '../../bench/generate-briefings.js';
import { allEmbeds, readable, saveBriefing, settle, startLoggedSandbox, textOf, type LogLines } from './helpers/e2e.js';

let sandbox: Sandbox;
let log: LogLines;
let japan: Briefing;

beforeAll(async () => {
  ({ sandbox, log } = await startLoggedSandbox());
  japan = sandbox.app.library.get('japan-tariffs') as Briefing;
});
afterAll(async () => {
  await sandbox.stop();
});

const position = (options: Record<string, string>) => settle(log, sandbox.discord.interact.slashCommand({ name: 'position', options }));
const fieldsOf = (messages: Awaited<ReturnType<typeof position>>['messages']) => allEmbeds(messages).flatMap((e) => e.fields ?? []);

describe('given /position on japan-tariffs, whose table names the U.S. and Japan', () => {
  it('given actor:us, then the alias resolves to U.S. and the reply is its position on every dimension', async () => {
    const { messages, summary } = await position({ briefing: 'japan-tariffs', actor: 'us' });
    expect(summary).toMatchObject({ command: 'position', outcome: 'ok' });
    expect(messages[0]?.ephemeral).toBe(false);
    expect(allEmbeds(messages)[0]?.title).toBe('📊 Structural Perspectives: U.S.');
    expect(fieldsOf(messages).map((f) => [f.name, readable(f.value)])).toEqual(japan.structure.dimensions.map((d) => [d.name, d.positions['U.S.']]));
  });

  it.each(['U.S.', 'united states', 'USA', 'Washington'])('given actor:%s, then it resolves to U.S. too', async (actor) => {
    const { messages, summary } = await position({ briefing: 'japan-tariffs', actor });
    expect(summary.outcome).toBe('ok');
    expect(allEmbeds(messages)[0]?.title).toBe('📊 Structural Perspectives: U.S.');
  });

  it('given no actor, then the reply is the whole table: one field per dimension with a line per actor', async () => {
    const { messages } = await position({ briefing: 'japan-tariffs' });
    expect(allEmbeds(messages)[0]?.title).toBe('📊 Structural Perspectives');
    const fields = fieldsOf(messages);
    expect(fields.map((f) => f.name)).toEqual(japan.structure.dimensions.map((d) => d.name));
    for (const [i, d] of japan.structure.dimensions.entries()) {
      expect(readable(fields[i]?.value ?? '').split('\n')).toEqual(japan.structure.actors.map((a) => `${a}: ${d.positions[a]}`));
    }
  });

  it('given a dimension only, then the reply is that dimension across every actor', async () => {
    const { messages } = await position({ briefing: 'japan-tariffs', dimension: 'Security Alliance Binding' });
    expect(allEmbeds(messages)[0]?.title).toBe('📊 Structural Perspectives: Security Alliance Binding');
    expect(fieldsOf(messages).map((f) => [f.name, readable(f.value)])).toEqual([
      ['U.S.', 'Exchanging military alliances for economic compliance'],
      ['Japan', 'Hopes for military cooperation independent of economic subservience'],
    ]);
  });

  it('given a dimension typed loosely ("tariff"), then it finds Tariff Policy Tools', async () => {
    const { messages } = await position({ briefing: 'japan-tariffs', dimension: 'tariff' });
    expect(allEmbeds(messages)[0]?.title).toBe('📊 Structural Perspectives: Tariff Policy Tools');
  });

  it('given an actor and a dimension, then the reply is that one cell', async () => {
    const { messages } = await position({ briefing: 'japan-tariffs', actor: 'japan', dimension: 'Economic Dependency Level' });
    expect(allEmbeds(messages)[0]?.title).toBe('📊 Structural Perspectives: Economic Dependency Level');
    expect(fieldsOf(messages).map((f) => [f.name, readable(f.value)])).toEqual([['Japan', 'The U.S. is a core market with no retreat, but cannot concede further']]);
  });

  it("given an unknown actor, then only the user sees an error listing the briefing's actors", async () => {
    const { messages, summary } = await position({ briefing: 'japan-tariffs', actor: 'france' });
    expect(summary.outcome).toBe('user-error');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.ephemeral).toBe(true);
    const text = textOf(messages);
    expect(text).toContain('“france” is not an actor in this briefing');
    expect(text).toContain('U.S., Japan');
  });

  it("given an unknown dimension, then only the user sees an error listing the briefing's dimensions", async () => {
    const { messages, summary } = await position({ briefing: 'japan-tariffs', dimension: 'weather' });
    expect(summary.outcome).toBe('user-error');
    expect(messages[0]?.ephemeral).toBe(true);
    for (const d of japan.structure.dimensions) expect(textOf(messages)).toContain(d.name);
  });
});

describe('given a briefing without a position table', () => {
  beforeAll(async () => {
    await saveBriefing(sandbox, { ...generateBriefing(1), slug: 'no-table', structure: { actors: [], dimensions: [] } });
  });

  it('given /position, then only the user hears that there is no table', async () => {
    const { messages, summary } = await position({ briefing: 'no-table' });
    expect(summary.outcome).toBe('user-error');
    expect(messages[0]?.ephemeral).toBe(true);
    expect(textOf(messages)).toContain('has no position table');
  });

  it('given /brief section:structure, then the error is for the user only, not posted in the channel', async () => {
    const { messages } = await settle(log, sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: 'no-table', section: 'structure' } }));
    expect(textOf(messages)).toContain('no position table');
    expect(messages.every((m) => m.ephemeral)).toBe(true);
  });

  it('given the card, then its Positions button is disabled', async () => {
    const { messages } = await settle(log, sandbox.discord.interact.slashCommand({ name: 'brief', options: { briefing: 'no-table' } }));
    const positions = (messages[0]?.components as { components: { label?: string; disabled?: boolean }[] }[])[0]?.components.find((c) => c.label === 'Positions');
    expect(positions?.disabled).toBe(true);
  });
});

describe('given /position autocomplete', () => {
  const complete = (focused: string, options: Record<string, string>) => sandbox.discord.interact.autocomplete({ name: 'position', focused, options });

  it("given the actor is empty, then it offers the chosen briefing's actors", async () => {
    expect(await complete('actor', { briefing: 'japan-tariffs', actor: '' })).toEqual([
      { name: 'U.S.', value: 'U.S.' },
      { name: 'Japan', value: 'Japan' },
    ]);
  });

  it('given "us" is typed, then it offers U.S. (by alias) and not Japan', async () => {
    expect(await complete('actor', { briefing: 'japan-tariffs', actor: 'us' })).toEqual([{ name: 'U.S.', value: 'U.S.' }]);
  });

  it("given the dimension is being typed, then it offers the chosen briefing's matching dimensions", async () => {
    const all = await complete('dimension', { briefing: 'japan-tariffs', dimension: '' });
    expect(all.map((c) => c.value)).toEqual(japan.structure.dimensions.map((d) => d.name));
    expect(await complete('dimension', { briefing: 'japan-tariffs', dimension: 'secu' })).toEqual([{ name: 'Security Alliance Binding', value: 'Security Alliance Binding' }]);
  });

  it('given another briefing is chosen, then the actors offered are that briefing’s', async () => {
    const redSea = sandbox.app.library.get('red-sea-shipping') as Briefing;
    const choices = await complete('actor', { briefing: 'red-sea-shipping', actor: '' });
    expect(choices.map((c) => c.value)).toEqual(redSea.structure.actors.slice(0, 25));
  });

  it('given the briefing option is focused, then it offers briefings', async () => {
    const choices = await complete('briefing', { briefing: 'japan' });
    expect(choices.map((c) => c.value)).toContain('japan-tariffs');
  });
});
