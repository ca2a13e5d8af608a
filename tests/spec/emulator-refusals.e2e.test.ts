import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDiscord } from '../../src/sandbox/emulator/index.js';
import { startBot, type BotHarness } from '../sandbox/helpers/bot-harness.js';
import { loadSpecDocument } from '../../src/sandbox/emulator/spec/spec-document.js';
import { negativeCases, type NegativeCase } from './spec-negative-cases.js';

/**
 * Every invalid body the spec describes, for the schemas the bot sends, must be refused by the emulator
 * with 400/50035 and an `errors` entry at the broken field, as Discord refuses it. Prints `refused/total`.
 */

interface Target {
  schema: string;
  base: Record<string, unknown>;
  /** Where the message sits in the request (callbacks wrap it in `data`). */
  prefix: Array<string | number>;
  send: (body: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;
}

/**
 * Parts of the schemas the bot never sends, left out: components v2 (types 9–17, which need the
 * IS_COMPONENTS_V2 flag the bot never sets, so the emulator refuses them as a whole), polls and client themes.
 */
const NOT_SENT_BY_THE_BOT = /\[type (9|1[0-7])\]|\bpoll\b|shared_client_theme/;

let harness: BotHarness;
let discord: LocalDiscord;
let channelUrl: string;
let interactionCount = 0;

async function call(method: string, path: string, body: unknown, auth = true): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${discord.apiBase}/v10${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Bot ${discord.token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A fresh interaction for each callback case: an accepted one could not answer twice. */
async function callback(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  interactionCount += 1;
  const handle = discord.interact.slashCommand({ name: 'probe' });
  return call('POST', `/interactions/${handle.id}/${handle.token}/callback`, body, false);
}

function targets(messageId: string): Target[] {
  const app = discord.applicationId;
  return [
    { schema: 'MessageCreateRequest', base: { content: 'x' }, prefix: [], send: (b) => call('POST', channelUrl, b) },
    { schema: 'MessageEditRequestPartial', base: {}, prefix: [], send: (b) => call('PATCH', `${channelUrl}/${messageId}`, b) },
    { schema: 'IncomingWebhookInteractionRequest', base: { content: 'x' }, prefix: ['data'], send: (b) => callback({ type: 4, data: b }) },
    { schema: 'CreateTextThreadWithoutMessageRequest', base: { name: 't', type: 11 }, prefix: [], send: (b) => call('POST', `/channels/${discord.channelId('briefings')}/threads`, b) },
    { schema: 'CreateForumThreadRequest', base: { name: 't', message: { content: 'x' } }, prefix: [], send: (b) => call('POST', `/channels/${discord.channelId('forum')}/threads`, b) },
    { schema: 'ApplicationCommandCreateRequest', base: { name: 'cmd', description: 'd', type: 1 }, prefix: [], send: (b) => call('POST', `/applications/${app}/commands`, b) },
  ];
}

/** Whether Discord's nested `errors` object has an entry at `path`. */
function hasErrorAt(errors: unknown, path: Array<string | number>): boolean {
  let node = errors as Record<string, unknown> | undefined;
  for (const segment of path) {
    node = node?.[String(segment)] as Record<string, unknown> | undefined;
    if (node === undefined) return false;
  }
  return true;
}

describe('given every limit of the request schemas the bot uses, each one value past it', () => {
  const results: Array<{ target: string; case: NegativeCase; status: number; code: unknown; atPath: boolean }> = [];

  beforeAll(async () => {
    // A connected client receives the interactions (and leaves them unanswered: the test answers them).
    // Hundreds of requests in a few seconds: rate limits off, so every answer is the validator's.
    const unlimited = (method: 'POST' | 'PATCH', route: string) => ({ method, route, limit: 1_000_000, windowMs: 1_000 });
    const buckets = [unlimited('POST', '/channels/:channel_id/messages'), unlimited('PATCH', '/channels/:channel_id/messages/:message_id')];
    harness = await startBot({ emulator: { rateLimits: { globalPerSecond: false, buckets, defaultBucket: { limit: 1_000_000, windowMs: 1_000 } } } });
    discord = harness.discord;
    channelUrl = `/channels/${discord.channelId('briefings')}/messages`;
    await call('PUT', `/applications/${discord.applicationId}/commands`, [{ name: 'probe', description: 'probe', type: 1 }]);
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('then the emulator refuses every one with 400/50035 and the errors object at that path', async () => {
    const existing = await call('POST', channelUrl, { content: 'to edit' });
    const messageId = String(existing.body.id);
    const document = loadSpecDocument();
    for (const target of targets(messageId)) {
      for (const c of negativeCases(document, target.schema, target.base, { skip: NOT_SENT_BY_THE_BOT })) {
        const answer = await target.send(c.body);
        results.push({ target: target.schema, case: c, status: answer.status, code: answer.body.code, atPath: hasErrorAt(answer.body.errors, [...target.prefix, ...c.path]) });
      }
    }
    const refused = results.filter((r) => r.status === 400 && r.code === 50035 && r.atPath);
    const perTarget = targets(messageId).map((t) => `${t.schema} ${refused.filter((r) => r.target === t.schema).length}/${results.filter((r) => r.target === t.schema).length}`);
    console.log(`[spec-check] generated invalid bodies refused: ${refused.length}/${results.length} (${perTarget.join(', ')}); interactions used ${interactionCount}`);
    const accepted = results.filter((r) => !refused.includes(r)).map((r) => `${r.case.name} → ${r.status} ${String(r.code)}${r.status === 400 && !r.atPath ? ' (errors elsewhere)' : ''}`);
    expect(accepted).toEqual([]);
  }, 120_000);

  it('then the documented rules the spec cannot express are refused too', async () => {
    const button = (extra: Record<string, unknown>) => ({ type: 2, label: 'b', ...extra });
    const row = (...components: unknown[]) => ({ type: 1, components });
    const select = (values: string[]) => ({ type: 3, custom_id: 's', options: values.map((v) => ({ label: v, value: v })) });
    // [name, body, path of the error] for POST /channels/{id}/messages; the docs' rules (docs/discord-facts.md §1, §2).
    const rules: Array<[string, Record<string, unknown>, Array<string | number>]> = [
      ['content over 2000 characters (the spec says 4000; the docs win)', { content: 'a'.repeat(2001) }, ['content']],
      ['embeds over 6000 characters in total', { embeds: [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(2001) }] }, ['embeds']],
      ['six action rows', { components: Array.from({ length: 6 }, (_, i) => row(button({ style: 1, custom_id: `c${i}` }))) }, ['components']],
      ['a link button with a custom_id', { components: [row(button({ style: 5, url: 'https://example.com', custom_id: 'x' }))] }, ['components', 0, 'components', 0, 'custom_id']],
      ['a non-link button with a url', { components: [row(button({ style: 1, custom_id: 'x', url: 'https://example.com' }))] }, ['components', 0, 'components', 0, 'url']],
      ['a link button whose url is no URI', { components: [row(button({ style: 5, url: 'not a url' }))] }, ['components', 0, 'components', 0, 'url']],
      ['duplicate select option values', { components: [row(select(['a', 'a']))] }, ['components', 0, 'components', 0, 'options', 1, 'value']],
      ['content with the components-v2 flag', { content: 'x', flags: 1 << 15, components: [{ type: 10, content: 'text' }] }, ['content']],
      ['a nonce over 25 characters', { content: 'x', nonce: 'n'.repeat(26) }, ['nonce']],
      ['an embed timestamp that is no ISO 8601 date-time', { embeds: [{ title: 't', timestamp: '1 Dec 2026' }] }, ['embeds', 0, 'timestamp']],
    ];
    const refused: string[] = [];
    const failures: string[] = [];
    for (const [name, body, path] of rules) {
      const answer = await call('POST', channelUrl, body);
      if (answer.status === 400 && answer.body.code === 50035 && hasErrorAt(answer.body.errors, path)) refused.push(name);
      else failures.push(`${name} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    }

    // Embed Links: without it the embeds are dropped, so an embed-only message is empty (50006).
    discord.setBotPermissions('analysts', { view: true, send: true, embedLinks: false });
    const analysts = `/channels/${discord.channelId('analysts')}/messages`;
    const embedOnly = await call('POST', analysts, { embeds: [{ title: 'card' }] });
    if (embedOnly.status === 400 && embedOnly.body.code === 50006) refused.push('an embed-only message without Embed Links');
    else failures.push(`embed-only without Embed Links → ${embedOnly.status}`);
    const mixed = await call('POST', analysts, { content: 'text', embeds: [{ title: 'card' }] });
    if (mixed.status === 200 && Array.isArray(mixed.body.embeds) && mixed.body.embeds.length === 0) refused.push('embeds of a message without Embed Links (dropped)');
    else failures.push(`content + embeds without Embed Links → ${mixed.status} ${JSON.stringify(mixed.body.embeds)}`);

    // enforce_nonce: the repeat answers the first message and posts nothing.
    const first = await call('POST', channelUrl, { content: 'once', nonce: '123456789', enforce_nonce: true });
    const again = await call('POST', channelUrl, { content: 'once', nonce: '123456789', enforce_nonce: true });
    const copies = discord.channelMessages('briefings').filter((m) => m.content === 'once').length;
    if (again.status === 200 && again.body.id === first.body.id && copies === 1) refused.push('a repeated nonce with enforce_nonce (de-duplicated)');
    else failures.push(`repeated nonce → ${again.status}, ${copies} copies`);

    console.log(`[spec-check] documented rules enforced: ${refused.length}/${rules.length + 3}`);
    expect(failures).toEqual([]);
  });
});
