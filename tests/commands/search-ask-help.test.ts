import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../commands/index.js';
import type { Sandbox } from '../../src/sandbox/sandbox.js';
import type { StoredMessage } from '../../src/sandbox/emulator/state/stored-message.js';
import { allEmbeds, buttonsOf, embedsOf, readable, settle, startLoggedSandbox, textOf, type LogLines } from './helpers/e2e.js';

let sandbox: Sandbox;
let log: LogLines;

beforeAll(async () => {
  ({ sandbox, log } = await startLoggedSandbox());
});
afterAll(async () => {
  await sandbox.stop();
});

const run = (name: string, options: Record<string, string> = {}) => settle(log, sandbox.discord.interact.slashCommand({ name, options }));
const button = (message: StoredMessage | undefined, label: string) => buttonsOf(message).find((b) => b.label === label);

describe('given /search query:tariffs', () => {
  let page1: StoredMessage;
  let pages: number;
  beforeAll(async () => {
    const { messages } = await run('search', { query: 'tariffs' });
    page1 = messages[0] as StoredMessage;
    pages = Number(/Page 1 of (\d+)/.exec(embedsOf(page1)[0]?.description ?? '')?.[1]);
  });

  it('then the reply is the first page of matches, each with its title, a snippet and where it matched', () => {
    expect(page1.ephemeral).toBe(false);
    const [embed] = embedsOf(page1);
    expect(embed?.title).toBe('🔎 “tariffs”');
    expect(pages).toBeGreaterThan(1);
    const fields = embed?.fields ?? [];
    expect(fields).toHaveLength(5);
    expect(fields.map((f) => f.name.replace(/^\d+\. /, ''))).toContain('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
    expect(fields.map((f) => f.name.split('.')[0])).toEqual(['1', '2', '3', '4', '5']);
    for (const field of fields) {
      const [snippet, where] = field.value.split('\n');
      expect(snippet?.length).toBeGreaterThan(3);
      expect(where).toMatch(/^`[a-z0-9-]+` · matched in /);
    }
  });

  it('then Previous is disabled on the first page, Next is enabled, and each result has an Open button', () => {
    expect(button(page1, '◀ Previous')?.disabled).toBe(true);
    expect(button(page1, 'Next ▶')?.disabled ?? false).toBe(false);
    const open = buttonsOf(page1).filter((b) => b.label?.startsWith('Open '));
    expect(open.map((b) => b.label)).toEqual(['Open 1', 'Open 2', 'Open 3', 'Open 4', 'Open 5']);
    const slugs = (embedsOf(page1)[0]?.fields ?? []).map((f) => /`([a-z0-9-]+)`/.exec(f.value)?.[1]);
    expect(open.map((b) => b.custom_id)).toEqual(slugs.map((slug) => `lb1|open|${slug}`));
  });

  it('given a result is opened, then its briefing card is shown to the user who pressed', async () => {
    const open1 = button(page1, 'Open 1');
    const slug = open1?.custom_id?.replace('lb1|open|', '') ?? '';
    const { messages, summary } = await settle(log, sandbox.discord.interact.clickButton({ message: page1, customId: open1?.custom_id ?? '', user: 'member' }));
    expect(summary).toMatchObject({ command: 'component:open', outcome: 'ok' });
    expect(messages[0]?.ephemeral).toBe(true);
    expect(embedsOf(messages[0])[0]?.title).toBe(sandbox.app.library.get(slug)?.title);
    expect(buttonsOf(messages[0]).map((b) => b.label)).toEqual(['Key variables', 'Trends', 'Positions', 'Full briefing']);
  });

  it('given Next is pressed up to the last page, then the same message is updated page by page and Next ends disabled', async () => {
    let message = page1;
    for (let page = 2; page <= pages; page += 1) {
      const next = button(message, 'Next ▶');
      const handle = sandbox.discord.interact.clickButton({ message, customId: next?.custom_id ?? '' });
      const { summary } = await settle(log, handle);
      expect(summary).toMatchObject({ command: 'component:search', outcome: 'ok' });
      expect(handle.record.callbackType).toBe(7);
      message = sandbox.discord.messages.get(page1.id) as StoredMessage;
      expect(embedsOf(message)[0]?.description).toMatch(new RegExp(`^Page ${page} of ${pages}`));
      expect(embedsOf(message)[0]?.fields?.[0]?.name).toMatch(new RegExp(`^${(page - 1) * 5 + 1}\\. `));
    }
    expect(message.revisions.length).toBe(pages - 1);
    expect(button(message, 'Next ▶')?.disabled).toBe(true);
    expect(button(message, '◀ Previous')?.disabled ?? false).toBe(false);
  });

  it('given Previous is pressed on the last page, then the message goes back one page', async () => {
    const message = sandbox.discord.messages.get(page1.id) as StoredMessage;
    const previous = button(message, '◀ Previous');
    await settle(log, sandbox.discord.interact.clickButton({ message, customId: previous?.custom_id ?? '' }));
    expect(embedsOf(sandbox.discord.messages.get(page1.id))[0]?.description).toMatch(new RegExp(`^Page ${pages - 1} of ${pages}`));
  });

  it('given a query that matches nothing, then the reply says so and suggests what to try', async () => {
    const { messages } = await run('search', { query: 'zzqxv wplkj' });
    expect(textOf(messages)).toContain('Nothing matches “zzqxv wplkj”');
    expect(buttonsOf(messages[0])).toEqual([]);
  });
});

describe('given /ask', () => {
  const question = 'Is Washington going to revisit car tariffs on Japan?';

  it('given a follow-up about car tariffs, then one message answers first with japan-tariffs key variable 1, quoted sentences, related material and buttons', async () => {
    const { messages, summary } = await run('ask', { question });
    expect(summary).toMatchObject({ command: 'ask', outcome: 'ok' });
    expect(messages).toHaveLength(1);
    const [embed] = allEmbeds(messages);
    expect(embed?.title).toBe(`❓ “${question}”`);
    expect(embed?.author?.name).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
    const lines = readable(embed?.description ?? '').split('\n');
    expect(lines[0]).toBe('🧨 Key variable 1: Will the U.S. reassess tariffs on Japanese automakers or the chip industry?');
    expect(lines.some((l) => l.startsWith('> “'))).toBe(true);
    expect(lines.some((l) => l.startsWith('📈 Trend '))).toBe(true);
    expect(lines.some((l) => l.startsWith('📊 '))).toBe(true);
    const open = buttonsOf(messages.at(-1)).find((b) => b.custom_id === 'lb1|open|japan-tariffs');
    expect(open?.label).toBe('Open briefing');
  });

  it('given briefing:japan-tariffs, then every answer comes from that briefing', async () => {
    const { messages } = await run('ask', { question, briefing: 'japan-tariffs' });
    const slugs = buttonsOf(messages.at(-1)).map((b) => /^lb1\|(?:var|open)\|([a-z0-9-]+)/.exec(b.custom_id ?? '')?.[1]);
    expect(slugs.length).toBeGreaterThan(2);
    expect(new Set(slugs)).toEqual(new Set(['japan-tariffs']));
    expect(textOf(messages)).not.toMatch(/\d\. (?!LUMEN INSIGHT: JAPAN TAKES STAND)[A-Z]/);
  });

  it('given the open button is pressed, then the user sees the briefing card', async () => {
    const { messages } = await run('ask', { question });
    const opened = await settle(log, sandbox.discord.interact.clickButton({ message: messages.at(-1) as StoredMessage, customId: 'lb1|open|japan-tariffs' }));
    expect(embedsOf(opened.messages[0])[0]?.title).toBe('LUMEN INSIGHT: JAPAN TAKES STAND ON USTARIFFS');
  });

  it('given an ambiguous briefing scope, then only the user sees the closest matches', async () => {
    const { messages, summary } = await run('ask', { question, briefing: 'japan' });
    expect(summary.outcome).toBe('user-error');
    expect(messages[0]?.ephemeral).toBe(true);
    expect(textOf(messages)).toContain('No briefing is called “japan”');
  });
});

describe('given /help', () => {
  it('then only the user sees every registered command with how to call it', async () => {
    const { messages, summary } = await run('help');
    expect(summary).toMatchObject({ command: 'help', outcome: 'ok' });
    expect(messages[0]?.ephemeral).toBe(true);
    const fields = allEmbeds(messages).flatMap((e) => e.fields ?? []);
    const commands = loadCommands();
    expect(fields.map((f) => f.name)).toEqual(commands.map((c) => `/${c.data.name}`));
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['/brief', '/variable', '/trend', '/position', '/search', '/ask', '/help']));
    for (const [i, command] of commands.entries()) expect(readable(fields[i]?.value ?? '')).toContain(command.usage);
  });
});
