/**
 * Restarts and outages: a restart never re-sends what was delivered; after downtime the missed
 * digest goes out once (not once per missed day) and what was published meanwhile is delivered.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runLumen } from '../support/run-cli.js';
import { botPosts, briefingText, DAY, deliveries, dropInInbox, HOUR, MINUTE, messageText, slugsOf, startWorld, stateOnDisk, subscribe, type DeliveryWorld } from './support/delivery-harness.js';
import { writeFile } from 'node:fs/promises';

let world: DeliveryWorld | undefined;
afterEach(async () => {
  await world?.sandbox.stop();
  world = undefined;
});

async function importFile(w: DeliveryWorld, slug: string): Promise<void> {
  await dropInInbox(w.dataDir, `${slug}.md`, await briefingText({ slug }));
}

describe('given subscriptions that have delivered', () => {
  it('then a restart on the same data directory re-sends nothing, and what comes next is delivered once', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    await subscribe(w, { channel: 'forum', mode: 'new' });
    await subscribe(w, { channel: 'general', mode: 'digest', time: '12:00' });
    await importFile(w, 'before-restart-one');
    await importFile(w, 'before-restart-two');
    await w.sandbox.advance(4 * HOUR);
    const before = { briefings: botPosts(w, 'briefings').length, forum: w.sandbox.discord.threads('forum').length, general: botPosts(w, 'general').length };
    expect(before).toEqual({ briefings: 2, forum: 2, general: 1 });

    for (let i = 0; i < 3; i++) {
      await w.sandbox.restart();
      await w.sandbox.advance(10 * MINUTE);
    }
    expect({ briefings: botPosts(w, 'briefings').length, forum: w.sandbox.discord.threads('forum').length, general: botPosts(w, 'general').length }).toEqual(before);

    await importFile(w, 'after-restart');
    await w.sandbox.advance(DAY);
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['before-restart-one', 'before-restart-two', 'after-restart']);
    expect(w.sandbox.discord.threads('forum')).toHaveLength(3);
    expect(botPosts(w, 'general').map((p) => slugsOf(p))).toEqual([['before-restart-one', 'before-restart-two'], ['after-restart']]);
    expect((await deliveries(w)).filter((d) => d.outcome === 'posted')).toHaveLength(3 + 3 + 2);
  });
});

describe('given the bot is down over two digest slots while briefings are published', () => {
  it('then on start the missed digest is sent once, listing them, and the new-briefing channel gets each once', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    await subscribe(w, { channel: 'general', mode: 'digest', time: '08:00', timezone: 'Europe/Berlin' });
    await importFile(w, 'before-outage');
    await w.sandbox.advance(HOUR);
    expect(botPosts(w, 'briefings')).toHaveLength(1);

    // The bot stops on Wednesday at 10:00Z and comes back on Friday at 10:00Z: Thursday's and
    // Friday's 07:00Z digests were missed. Meanwhile one briefing arrives by `lumen import` (on
    // Thursday) and one lands in the inbox.
    await w.sandbox.app.stop();
    w.clock.set('2026-11-26T15:00:00.000Z');
    const file = join(w.dataDir, 'outage-cli.md');
    await writeFile(file, await briefingText({ slug: 'outage-by-cli' }));
    const imported = await runLumen(['import', file, '--json'], { dataDir: w.dataDir, now: w.clock.now() });
    expect(imported.code).toBe(0);
    await importFile(w, 'outage-by-inbox');
    w.clock.set('2026-11-27T10:00:00.000Z');
    await w.sandbox.restart();
    await w.sandbox.whenIdle();

    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['before-outage', 'outage-by-cli', 'outage-by-inbox']);
    const digests = botPosts(w, 'general');
    expect(digests).toHaveLength(1);
    expect(digests[0]?.data.timestamp).toBe('2026-11-27T10:00:00.000Z');
    expect(slugsOf(digests[0] as never)).toEqual(['before-outage', 'outage-by-cli', 'outage-by-inbox']);
    expect(messageText(digests[0])).toContain('Added to the archive from Wed 25 Nov 2026, 10:00 (Europe/Berlin) to Fri 27 Nov 2026, 08:00 (Europe/Berlin).');
    const sub = (await stateOnDisk(w.dataDir)).subscriptions.find((s) => s.mode === 'digest');
    expect(sub?.lastSlotAt).toBe('2026-11-27T07:00:00.000Z');

    // The next digest is Saturday's, at its usual time, and nothing is repeated meanwhile.
    await importFile(w, 'saturday-news');
    await w.sandbox.advance(DAY);
    expect(botPosts(w, 'general').map((p) => p.data.timestamp)).toEqual(['2026-11-27T10:00:00.000Z', '2026-11-28T07:00:00.000Z']);
    expect(slugsOf(botPosts(w, 'general')[1] as never)).toEqual(['saturday-news']);
    expect(botPosts(w, 'briefings')).toHaveLength(4);
  });
});

describe('given a delivery waiting to be retried when the bot restarts', () => {
  it('then the retry survives the restart and the briefing is posted once, as the CLI log shows', async () => {
    const w = (world = await startWorld({ start: '2026-11-25T09:00:00.000Z' }));
    await subscribe(w, { channel: 'briefings', mode: 'new' });
    const posts = /^\/channels\/\d+\/messages$/;
    w.sandbox.discord.faults.inject({ method: 'POST', path: posts, status: 502, times: 4 });
    await importFile(w, 'retried-across-restart');
    await w.sandbox.advance(MINUTE);
    const waiting = (await stateOnDisk(w.dataDir)).subscriptions[0];
    expect(waiting?.retry?.attempts).toBe(1);
    expect(waiting?.pending?.kind).toBe('new');

    await w.sandbox.restart();
    await w.sandbox.advance(5 * MINUTE);
    expect(botPosts(w, 'briefings').map((p) => slugsOf(p)[0])).toEqual(['retried-across-restart']);
    expect(w.sandbox.discord.requestsTo('POST', posts).map((r) => r.status)).toEqual([502, 502, 502, 502, 200]);

    const cli = await runLumen(['deliveries', '--json'], { dataDir: w.dataDir });
    expect(cli.code).toBe(0);
    const records = cli.json<{ outcome: string; slugs: string[]; reason?: string }[]>();
    expect(records.map((r) => [r.outcome, r.slugs])).toEqual([
      ['retrying', ['retried-across-restart']],
      ['posted', ['retried-across-restart']],
    ]);
    expect(records[0]?.reason).toContain('502');
  });
});
