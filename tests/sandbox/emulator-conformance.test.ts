import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalDiscord } from '../../src/sandbox/emulator/index.js';

/** Smaller findings of the spec review (issue 14, item 8), each checked over plain HTTP / WebSocket. */
describe('given the local Discord', () => {
  let discord: LocalDiscord | undefined;

  afterEach(async () => {
    await discord?.close();
    discord = undefined;
  });

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
    const d = discord as LocalDiscord;
    const response = await fetch(`${d.apiBase}/v10${path}`, {
      method,
      headers: { Authorization: `Bot ${d.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  it('then GET messages?before=abc is 400/50035, not a 500', async () => {
    discord = await LocalDiscord.start();
    const answer = await call('GET', `/channels/${discord.channelId('briefings')}/messages?before=abc`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 50035, errors: { before: { _errors: [{ code: 'NUMBER_TYPE_COERCE' }] } } });
  });

  it('then limit=0 is refused with NUMBER_TYPE_MIN and limit=101 with NUMBER_TYPE_MAX', async () => {
    discord = await LocalDiscord.start();
    const messages = `/channels/${discord.channelId('briefings')}/messages`;
    expect((await call('GET', `${messages}?limit=0`)).body).toMatchObject({ code: 50035, errors: { limit: { _errors: [{ code: 'NUMBER_TYPE_MIN' }] } } });
    expect((await call('GET', `${messages}?limit=101`)).body).toMatchObject({ code: 50035, errors: { limit: { _errors: [{ code: 'NUMBER_TYPE_MAX' }] } } });
  });

  it('then a 429 carries Retry-After in whole seconds (rounded up) and retry_after with decimals, plus code 0', async () => {
    discord = await LocalDiscord.start({ rateLimits: { buckets: [{ method: 'POST', route: '/channels/:channel_id/messages', limit: 1, windowMs: 950 }] } });
    const messages = `/channels/${discord.channelId('briefings')}/messages`;
    await call('POST', messages, { content: 'one', allowed_mentions: { parse: [] } });
    const limited = await call('POST', messages, { content: 'two', allowed_mentions: { parse: [] } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.body).toMatchObject({ code: 0, global: false });
    expect(limited.body.retry_after).toBeLessThan(1);
  });

  it('then a thread of type 0 and a forum post with six tags are refused', async () => {
    discord = await LocalDiscord.start();
    const thread = await call('POST', `/channels/${discord.channelId('briefings')}/threads`, { name: 't', type: 0 });
    expect(thread.body).toMatchObject({ code: 50035, errors: { type: {} } });
    const tags = Array.from({ length: 6 }, (_, i) => String(1000 + i));
    const post = await call('POST', `/channels/${discord.channelId('forum')}/threads`, { name: 't', applied_tags: tags, message: { content: 'x' } });
    expect(post.body).toMatchObject({ code: 50035, errors: { applied_tags: {} } });
  });

  it('then a gateway connection that never heartbeats is closed with 4009 Session timed out', async () => {
    discord = await LocalDiscord.start({ heartbeatTimeoutMs: 150 });
    const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4009);
  });

  it('then a connection that heartbeats in time stays open', async () => {
    discord = await LocalDiscord.start({ heartbeatTimeoutMs: 150 });
    const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
    await new Promise((resolve) => socket.on('open', resolve));
    const beat = setInterval(() => socket.send(JSON.stringify({ op: 1, d: null })), 50);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(socket.readyState).toBe(WebSocket.OPEN);
    clearInterval(beat);
    socket.close(1000);
  });
});
