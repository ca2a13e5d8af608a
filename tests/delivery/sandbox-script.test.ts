/**
 * A subscription scenario through the scripted sandbox (`lumen sandbox --script FILE --json`):
 * subscribe, drop a briefing in the inbox, let time pass, and read what the bot sent.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLumen, tempDataDir } from '../support/run-cli.js';
import { briefingText } from './support/delivery-harness.js';

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}

interface JsonLine {
  sandbox?: { guildId: string; channels: Record<string, string> };
  step?: string;
  notes?: string[];
  method?: string;
  path?: string;
  status?: number;
  body?: {
    type?: number;
    content?: string;
    embeds?: Embed[];
    allowed_mentions?: { parse?: string[]; roles?: string[] };
    data?: { flags?: number; embeds?: Embed[] };
  };
}

describe('given a sandbox script that subscribes two channels and imports a briefing', () => {
  it('then the JSON lines show the confirmations, the new post with its thread, and one digest a day later', async () => {
    const dataDir = await tempDataDir();
    const briefing = join(dataDir, 'script-briefing.md');
    await writeFile(briefing, await briefingText({ slug: 'scripted-briefing' }));
    const script = join(dataDir, 'script.txt');
    // The script's clock is real time plus each @advance: a digest twelve hours from now falls
    // inside the one-day advance and far from the two-minute one, whenever the test runs.
    const digestTime = new Date(Date.now() + 12 * 3_600_000).toISOString().slice(11, 16);
    await writeFile(
      script,
      [
        '/subscribe channel:briefings mode:new mention:Analysts',
        `/subscribe channel:general mode:digest time:${digestTime} timezone:UTC`,
        `@import ${briefing}`,
        '@advance 2m',
        '/subscriptions list',
        '@advance 1d',
      ].join('\n'),
    );
    const run = await runLumen(['sandbox', '--script', script, '--json'], { dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonLine);
    const ids = lines[0]?.sandbox;
    const briefingsId = ids?.channels.briefings;
    const generalId = ids?.channels.general;
    const stepsAt = lines.flatMap((l, i) => (l.step === undefined ? [] : [i]));
    expect(stepsAt.map((i) => lines[i]?.step)).toEqual([
      '/subscribe channel:briefings mode:new mention:Analysts',
      `/subscribe channel:general mode:digest time:${digestTime} timezone:UTC`,
      `@import ${briefing}`,
      '@advance 2m',
      '/subscriptions list',
      '@advance 1d',
    ]);
    /** The request lines that followed step `n`. */
    const requestsOf = (n: number): JsonLine[] => lines.slice((stepsAt[n] as number) + 1, stepsAt[n + 1] ?? lines.length);

    for (const n of [0, 1]) {
      const [reply] = requestsOf(n);
      expect(reply).toMatchObject({ method: 'POST', status: 204, body: { type: 4, data: { flags: 64 } } });
      expect(reply?.body?.data?.embeds?.[0]?.description).toContain('✅ Subscribed');
    }
    expect(requestsOf(1)[0]?.body?.data?.embeds?.[0]?.description).toContain('First digest:');
    expect(lines[stepsAt[2] as number]?.notes).toEqual(['dropped script-briefing.md into the inbox']);

    // Two minutes: the inbox is polled, the briefing imported and posted with one role ping and a thread.
    const advance = requestsOf(3);
    expect(advance.map((r) => `${r.method} ${r.path?.replace(/\d{15,}/g, ':id')} ${r.status}`)).toEqual([
      'POST /channels/:id/messages 200',
      'POST /channels/:id/messages/:id/threads 201',
    ]);
    const post = advance[0];
    expect(post?.path).toBe(`/channels/${briefingsId}/messages`);
    expect(post?.body?.content).toMatch(/^<@&\d+> 📰 \*\*New briefing\*\*$/);
    expect(post?.body?.allowed_mentions).toEqual({ parse: [], roles: [post?.body?.content?.match(/\d+/)?.[0]], replied_user: false });
    expect(post?.body?.embeds?.[0]?.title).toBe('LUMEN INSIGHT: SCRIPTED BRIEFING');

    const list = requestsOf(4)[0];
    expect(list?.body?.data?.flags).toBe(64);
    const listText = JSON.stringify(list?.body?.data?.embeds);
    expect(listText).toContain('Last: posted');
    expect(listText).toContain(`at ${digestTime} (UTC)`);

    // A day later: one digest in #general listing the briefing, and nothing more in #briefings.
    const day = requestsOf(5);
    expect(day.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /channels/${generalId}/messages`]);
    expect(day[0]?.body?.embeds?.[0]?.title).toBe('🗞️ Daily digest: 1 new briefing');
    expect(day[0]?.body?.embeds?.[0]?.fields?.[0]?.name).toBe('1. LUMEN INSIGHT: SCRIPTED BRIEFING');
    expect(day[0]?.body?.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});
