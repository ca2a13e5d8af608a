import { afterEach, describe, expect, it } from 'vitest';
import { DiscordPoster } from '../../src/discord/discord-poster.js';
import { PostFailure } from '../../src/delivery/poster.js';
import { startBot, type BotHarness } from './helpers/bot-harness.js';

const card = { embeds: [{ title: 'LUMEN INSIGHT', description: 'A briefing card.' }], components: [] };

/** Waits until the client has seen the CHANNEL_UPDATE that changed the bot's overwrite. */
async function untilCached(harness: BotHarness, channel: string, embedLinks: boolean): Promise<void> {
  const id = harness.discord.channelId(channel);
  for (let i = 0; i < 200; i += 1) {
    const cached = harness.client.channels.cache.get(id);
    const me = harness.client.user;
    if (cached && me && 'permissionsFor' in cached && cached.permissionsFor(me)?.has('EmbedLinks') === embedLinks) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the client never saw the permission change');
}

describe('given a channel where the bot lacks Embed Links', () => {
  let harness: BotHarness | undefined;

  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it('then the emulator drops the embeds and refuses an embed-only message with 50006, as Discord does', async () => {
    harness = await startBot();
    harness.discord.setBotPermissions('briefings', { embedLinks: false });
    const channel = harness.discord.channelId('briefings');
    const embedOnly = harness.client.rest.post(`/channels/${channel}/messages`, { body: { embeds: card.embeds, allowed_mentions: { parse: [] } } });
    await expect(embedOnly).rejects.toMatchObject({ code: 50006, status: 400 });
    await harness.client.rest.post(`/channels/${channel}/messages`, { body: { content: 'text', embeds: card.embeds, allowed_mentions: { parse: [] } } });
    expect(harness.discord.channelMessages('briefings').at(-1)?.embeds).toEqual([]);
  });

  it('then the poster fails with a clear reason before sending, and posts again once the permission is back', async () => {
    harness = await startBot();
    const poster = new DiscordPoster(harness.client);
    const channel = harness.discord.channelId('briefings');
    harness.discord.setBotPermissions('briefings', { embedLinks: false });
    await untilCached(harness, 'briefings', false);
    harness.discord.clearRequests();
    const failure = await poster.postMessage(channel, card, { nonce: '1001' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PostFailure);
    expect(failure).toMatchObject({ kind: 'missing-permissions', message: expect.stringContaining('Embed Links') });
    expect(harness.discord.requestsTo('POST', /\/messages$/)).toHaveLength(0);
    harness.discord.setBotPermissions('briefings', {});
    await untilCached(harness, 'briefings', true);
    await expect(poster.postMessage(channel, card, { nonce: '1002' })).resolves.toMatchObject({ messageId: expect.any(String) });
  });
});
